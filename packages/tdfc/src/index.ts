// Public API of @passerelle/tdfc (to be written).
export {};
