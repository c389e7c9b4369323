"""Command functions: plain arguments in, an exit code out. The CLI module only parses."""
