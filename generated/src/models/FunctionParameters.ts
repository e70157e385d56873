// Generated from #/components/schemas/FunctionParameters by openai-ts-codegen. Do not edit: regenerate.
/**
 * A JSON Schema object describing the arguments the function accepts. Leaving it out declares a function that takes no arguments.
 */
export type FunctionParameters = Record<string, unknown>;
