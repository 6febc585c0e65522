/**
 * The symbol classes Inkset knows out of the box. A label is the symbol itself ("×", "√");
 * the slug is its ASCII spelling, used for URLs, keyboard entry and Kaggle-style folder names.
 */
export interface ClassDefinition {
  name: string;
  slug: string;
  /** Other spellings found in datasets: Kaggle folder names, CROHME/LaTeX labels. */
  aliases: readonly string[];
}

export const KNOWN_CLASSES: readonly ClassDefinition[] = [
  ...["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"].map((d) => ({ name: d, slug: d, aliases: [] })),
  { name: "+", slug: "plus", aliases: ["+"] },
  { name: "-", slug: "minus", aliases: ["-", "−"] },
  { name: "=", slug: "eq", aliases: ["="] },
  { name: "×", slug: "times", aliases: ["times", "\\times"] },
  { name: "÷", slug: "div", aliases: ["div", "\\div"] },
  { name: "/", slug: "forward_slash", aliases: ["forward_slash", "/"] },
  { name: "π", slug: "pi", aliases: ["pi", "\\pi"] },
  // Kaggle folds letter case into one folder (X holds x and X): the lowercase letter is the class.
  { name: "x", slug: "x", aliases: ["X", "x"] },
  { name: "y", slug: "y", aliases: ["Y", "y"] },
  { name: "z", slug: "z", aliases: ["Z", "z"] },
  { name: "a", slug: "a", aliases: ["A", "a"] },
  { name: "b", slug: "b", aliases: ["B", "b"] },
  { name: "c", slug: "c", aliases: ["C", "c"] },
  { name: "d", slug: "d", aliases: ["d"] },
  { name: "n", slug: "n", aliases: ["N", "n"] },
  { name: "(", slug: "lparen", aliases: ["(", "lparen"] },
  { name: ")", slug: "rparen", aliases: [")", "rparen"] },
  { name: "[", slug: "lbracket", aliases: ["[", "lbracket"] },
  { name: "]", slug: "rbracket", aliases: ["]", "rbracket"] },
  { name: "{", slug: "lbrace", aliases: ["{", "\\{", "lbrace"] },
  { name: "}", slug: "rbrace", aliases: ["}", "\\}", "rbrace"] },
  { name: "√", slug: "sqrt", aliases: ["sqrt", "\\sqrt"] },
  { name: "∫", slug: "int", aliases: ["int", "\\int"] },
  { name: "<", slug: "lt", aliases: ["lt", "\\lt", "<"] },
  { name: ">", slug: "gt", aliases: ["gt", "\\gt", ">"] },
  { name: "≤", slug: "leq", aliases: ["leq", "\\leq"] },
  { name: "≥", slug: "geq", aliases: ["geq", "\\geq"] },
  { name: "≠", slug: "neq", aliases: ["neq", "\\neq"] },
  { name: "±", slug: "pm", aliases: ["pm", "\\pm"] },
  // CROHME symbols beyond the Kaggle core. Letters fold case like the Kaggle folders (T holds t and T).
  { name: "i", slug: "i", aliases: ["I", "i"] },
  { name: "t", slug: "t", aliases: ["T", "t"] },
  { name: "f", slug: "f", aliases: ["F", "f"] },
  { name: "k", slug: "k", aliases: ["K", "k"] },
  { name: "p", slug: "p", aliases: ["P", "p"] },
  { name: "r", slug: "r", aliases: ["R", "r"] },
  { name: "m", slug: "m", aliases: ["M", "m"] },
  { name: "e", slug: "e", aliases: ["E", "e"] },
  { name: "g", slug: "g", aliases: ["G", "g"] },
  { name: "u", slug: "u", aliases: ["U", "u"] },
  { name: "q", slug: "q", aliases: ["Q", "q"] },
  { name: "j", slug: "j", aliases: ["J", "j"] },
  { name: "v", slug: "v", aliases: ["V", "v"] },
  { name: "h", slug: "h", aliases: ["H", "h"] },
  { name: "s", slug: "s", aliases: ["S", "s"] },
  { name: "w", slug: "w", aliases: ["W", "w"] },
  { name: "l", slug: "l", aliases: ["L", "l"] },
  { name: "o", slug: "o", aliases: ["O", "o"] },
  { name: "sin", slug: "sin", aliases: ["sin", "\\sin"] },
  { name: "cos", slug: "cos", aliases: ["cos", "\\cos"] },
  { name: "log", slug: "log", aliases: ["log", "\\log"] },
  { name: "lim", slug: "lim", aliases: ["lim", "\\lim"] },
  { name: "tan", slug: "tan", aliases: ["tan", "\\tan"] },
  { name: "θ", slug: "theta", aliases: ["theta", "\\theta"] },
  { name: "α", slug: "alpha", aliases: ["alpha", "\\alpha"] },
  { name: "β", slug: "beta", aliases: ["beta", "\\beta"] },
  { name: "γ", slug: "gamma", aliases: ["gamma", "\\gamma"] },
  { name: "φ", slug: "phi", aliases: ["phi", "\\phi"] },
  { name: "σ", slug: "sigma", aliases: ["sigma", "\\sigma"] },
  { name: "μ", slug: "mu", aliases: ["mu", "\\mu"] },
  { name: "Δ", slug: "Delta", aliases: ["Delta", "\\Delta"] },
  { name: "λ", slug: "lambda", aliases: ["lambda", "\\lambda"] },
  { name: "∑", slug: "sum", aliases: ["sum", "\\sum"] },
  { name: "∞", slug: "infty", aliases: ["infty", "\\infty"] },
  { name: "→", slug: "rightarrow", aliases: ["rightarrow", "\\rightarrow", "\\to"] },
  { name: "…", slug: "ldots", aliases: ["ldots", "\\ldots", "\\dots"] },
  { name: "!", slug: "excl", aliases: ["!"] },
  { name: "′", slug: "prime", aliases: ["prime", "\\prime", "'"] },
  { name: "∈", slug: "in", aliases: ["in", "\\in"] },
  { name: "∀", slug: "forall", aliases: ["forall", "\\forall"] },
  { name: "∃", slug: "exists", aliases: ["exists", "\\exists"] },
  { name: ".", slug: "dot", aliases: ["."] },
  { name: ",", slug: "comma", aliases: [",", "COMMA"] },
  { name: "|", slug: "bar", aliases: ["|", "ascii_124", "\\vert", "\\mid"] },
  // Not a symbol: a stroke cut from one, or two neighbours together (npm run import -- --junk).
  { name: "junk", slug: "junk", aliases: ["junk"] },
];

/**
 * The class of ink that is not one symbol. A model trained with it tells the solver when a crop
 * is a piece of a symbol or two symbols; it is never read as part of an expression.
 */
export const JUNK_LABEL = "junk";

const BY_ALIAS = new Map<string, ClassDefinition>();
for (const def of KNOWN_CLASSES) {
  BY_ALIAS.set(def.name, def);
  BY_ALIAS.set(def.slug, def);
  for (const alias of def.aliases) BY_ALIAS.set(alias, def);
}

/**
 * Maps a dataset's class spelling (Kaggle folder, CROHME label, slug or symbol) to a known class.
 * Unknown names come back as null; the importer then keeps the folder name as a new class.
 */
export function resolveClassName(raw: string): ClassDefinition | null {
  return BY_ALIAS.get(raw.trim()) ?? null;
}

/** The label to store for a folder or annotation name: the known symbol, or the name itself. */
export function labelFor(raw: string): string {
  return resolveClassName(raw)?.name ?? raw.trim();
}

/** An ASCII slug for any label, known or not. */
export function slugFor(label: string): string {
  const known = resolveClassName(label);
  if (known) return known.slug;
  const ascii = label.normalize("NFKD").replace(/[^A-Za-z0-9_-]+/g, "_").replace(/^_+|_+$/g, "");
  return ascii.length > 0 ? ascii : `u${[...label].map((c) => c.codePointAt(0)!.toString(16)).join("_")}`;
}
