"""Chinese text primitives: numbers, dates, sentences, normalisation."""
