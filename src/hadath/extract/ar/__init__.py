"""Arabic data files of the structure stage (boilerplate, bylines, date lines, outlets)."""
