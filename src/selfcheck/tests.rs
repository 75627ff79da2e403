//! Unit tests of the flow checks: the exact message, line and hint of every error.
