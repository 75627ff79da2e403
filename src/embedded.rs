//! The default theme (`themes/default`) and interface strings (`locales/`) compiled into the binary.

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
