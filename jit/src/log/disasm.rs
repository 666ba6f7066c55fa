//! Disassembly of compiled code with iced-x86 (Intel syntax), each instruction tagged with the
//! trace op whose code it belongs to. This file owns the decoding only.

use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter};

/// One decoded instruction.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Offset from the start of the code.
    pub offset: u32,
    pub bytes: Vec<u8>,
    pub text: String,
    /// The op (index in the lowered trace) this instruction was emitted for, if known.
    pub op: Option<u32>,
}

/// Decodes `code` (loaded at `addr`); `ranges` are `(op, start, end)` code ranges.
pub fn listing(code: &[u8], addr: u64, ranges: &[(u32, u32, u32)]) -> Vec<Line> {
    let mut dec = Decoder::with_ip(64, code, addr, DecoderOptions::NONE);
    let mut fmt = IntelFormatter::new();
    fmt.options_mut().set_first_operand_char_index(8);
    fmt.options_mut().set_hex_prefix("0x");
    fmt.options_mut().set_hex_suffix("");
    fmt.options_mut().set_uppercase_hex(false);
    let mut ins = Instruction::default();
    let mut out = Vec::new();
    while dec.can_decode() {
        dec.decode_out(&mut ins);
        let offset = (ins.ip() - addr) as u32;
        let mut text = String::new();
        fmt.format(&ins, &mut text);
        let bytes = code[offset as usize..offset as usize + ins.len()].to_vec();
        let op = ranges.iter().find(|(_, s, e)| (*s..*e).contains(&offset)).map(|r| r.0);
        out.push(Line { offset, bytes, text, op });
    }
    out
}
