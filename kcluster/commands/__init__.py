"""One module per command: parse the arguments, ask the core, hand the result to a renderer."""
