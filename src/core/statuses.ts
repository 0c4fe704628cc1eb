/** The four status words (SPEC §6), in the order reports list them: the one list every part iterates. */
export const STATUSES = ["Green", "Amber", "Red", "NA"] as const;
