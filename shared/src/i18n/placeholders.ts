// Type-level reading of `{name}` placeholders in string literals, so fill() and the translations are checked
// by the compiler rather than at run time.

/** The placeholder names in a template literal type: Placeholders<'Quầy {number} · {name}'> = 'number' | 'name'. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** `true` when every key has the same placeholders in both tables; otherwise the keys that differ. */
export type SamePlaceholders<V extends Record<string, string>, E extends Record<keyof V, string>> =
  { [K in keyof V]: Same<Placeholders<V[K]>, Placeholders<E[K]>> extends true ? never : K }[keyof V] extends infer Bad
    ? [Bad] extends [never]
      ? true
      : Bad
    : never;
