// Public API of @passerelle/edifact (to be written).
export {};
