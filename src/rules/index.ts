/** The pure rules engine: plain data in, problems out. No office-js, no React, no DOM, no file system. */
export * from './grid';
export * from './problem';
export * from './policy';
export * from './table';
export * from './rows';
export * from './students';
export * from './rule';
export * from './engine';
export * from './report';
export * from './scans';
export * from './naming';
export * from './template';
