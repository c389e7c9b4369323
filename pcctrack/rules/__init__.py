"""Pure rules over a RecordSet: no files, no clock, no printing. `as_of` is always passed in."""
