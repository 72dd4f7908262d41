export * from './gold.ts';
export * from './plan.ts';
export * from './decisions.ts';
