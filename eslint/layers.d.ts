// The shape of eslint/layers.js, for the TypeScript that reads it (the boundary test).
export declare const NODE: 'node';

export interface Layer {
  path: string;
  imports?: string[];
  packages?: string[];
  typePackages?: string[];
  typeImports?: string[];
  units?: { entry: string };
  anything?: boolean;
}

export interface LayerException {
  from: string;
  to: string;
  why?: string;
  todo?: string;
}

export declare const layers: Layer[];
export declare const exceptions: LayerException[];
