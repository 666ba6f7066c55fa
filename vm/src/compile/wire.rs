//! A compact binary serde format for the compiled-code cache (`cache.rs`), in the manner of
//! bincode: not self-describing (the reader is told each type by the `Deserialize` impl), integers
//! as LEB128 varints (signed ones zigzagged), floats as their 8 bytes, strings and sequences
//! length-first, enums by variant index, structs and tuples as their fields in order. Only what
//! code objects need is supported; anything else is an error, never a panic. A truncated or
//! malformed input is an error too.

use serde::de::{self, DeserializeSeed, EnumAccess, IntoDeserializer, SeqAccess, VariantAccess, Visitor};
use serde::ser::{self, Serialize};
use std::fmt;

#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for Error {}
impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}
impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

type Result<T> = std::result::Result<T, Error>;

fn unsupported<T>(what: &str) -> Result<T> {
    Err(Error(format!("{what} is not supported by the code cache's format")))
}

// ---- writing ------------------------------------------------------------------------------

pub fn to_vec<T: Serialize>(v: &T) -> Result<Vec<u8>> {
    let mut s = Ser { out: Vec::new() };
    v.serialize(&mut s)?;
    Ok(s.out)
}

struct Ser {
    out: Vec<u8>,
}

impl Ser {
    fn uvar(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.out.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.out.push(v as u8);
    }
    fn ivar(&mut self, v: i64) {
        self.uvar(((v << 1) ^ (v >> 63)) as u64);
    }
}

/// The integer writes: each `serialize_X` widens its value and writes it as a varint.
macro_rules! varints {
    ($($m:ident($t:ty) by $how:ident as $wide:ty),* $(,)?) => {$(
        fn $m(self, v: $t) -> Result<()> {
            self.$how(v as $wide);
            Ok(())
        }
    )*};
}

impl ser::Serializer for &mut Ser {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.out.push(v as u8);
        Ok(())
    }
    varints! {
        serialize_i8(i8) by ivar as i64,
        serialize_i16(i16) by ivar as i64,
        serialize_i32(i32) by ivar as i64,
        serialize_i64(i64) by ivar as i64,
        serialize_u16(u16) by uvar as u64,
        serialize_u32(u32) by uvar as u64,
        serialize_u64(u64) by uvar as u64,
    }
    fn serialize_u8(self, v: u8) -> Result<()> {
        self.out.push(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<()> {
        self.out.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<()> {
        self.out.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<()> {
        self.uvar(v as u64);
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<()> {
        self.serialize_bytes(v.as_bytes())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        self.uvar(v.len() as u64);
        self.out.extend_from_slice(v);
        Ok(())
    }
    fn serialize_none(self) -> Result<()> {
        self.out.push(0);
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<()> {
        self.out.push(1);
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<()> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<()> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, i: u32, _: &'static str) -> Result<()> {
        self.uvar(i as u64);
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, v: &T) -> Result<()> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        i: u32,
        _: &'static str,
        v: &T,
    ) -> Result<()> {
        self.uvar(i as u64);
        v.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self> {
        let Some(n) = len else { return unsupported("a sequence of unknown length") };
        self.uvar(n as u64);
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self> {
        Ok(self)
    }
    fn serialize_tuple_variant(self, _: &'static str, i: u32, _: &'static str, _: usize) -> Result<Self> {
        self.uvar(i as u64);
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap> {
        unsupported("a map")
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self> {
        Ok(self)
    }
    fn serialize_struct_variant(self, _: &'static str, i: u32, _: &'static str, _: usize) -> Result<Self> {
        self.uvar(i as u64);
        Ok(self)
    }
}

macro_rules! compound {
    ($($tr:ident :: $m:ident),*) => {$(
        impl ser::$tr for &mut Ser {
            type Ok = ();
            type Error = Error;
            fn $m<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<()> {
                v.serialize(&mut **self)
            }
            fn end(self) -> Result<()> {
                Ok(())
            }
        }
    )*};
}
compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// Struct fields are written in order, without their names.
macro_rules! named_fields {
    ($($tr:ident),*) => {$(
        impl ser::$tr for &mut Ser {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: ?Sized + Serialize>(&mut self, _: &'static str, v: &T) -> Result<()> {
                v.serialize(&mut **self)
            }
            fn end(self) -> Result<()> {
                Ok(())
            }
        }
    )*};
}
named_fields!(SerializeStruct, SerializeStructVariant);

// ---- reading ------------------------------------------------------------------------------

/// Reads a `T` that must use all of `bytes`.
pub fn from_slice<'de, T: de::Deserialize<'de>>(bytes: &'de [u8]) -> Result<T> {
    let mut d = De { input: bytes };
    let v = T::deserialize(&mut d)?;
    if !d.input.is_empty() {
        return Err(Error("trailing bytes".into()));
    }
    Ok(v)
}

struct De<'de> {
    input: &'de [u8],
}

impl<'de> De<'de> {
    fn byte(&mut self) -> Result<u8> {
        let (&b, rest) = self.input.split_first().ok_or_else(|| Error("truncated".into()))?;
        self.input = rest;
        Ok(b)
    }
    fn take(&mut self, n: usize) -> Result<&'de [u8]> {
        if n > self.input.len() {
            return Err(Error("truncated".into()));
        }
        let (a, b) = self.input.split_at(n);
        self.input = b;
        Ok(a)
    }
    fn uvar(&mut self) -> Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Error("varint too long".into()))
    }
    fn ivar(&mut self) -> Result<i64> {
        let u = self.uvar()?;
        Ok(((u >> 1) as i64) ^ -((u & 1) as i64))
    }
    fn len(&mut self) -> Result<usize> {
        let n = self.uvar()? as usize;
        // (Every element takes at least a byte: a length beyond the input is malformed.)
        if n > self.input.len() {
            return Err(Error("length beyond the input".into()));
        }
        Ok(n)
    }
    fn narrow<T: TryFrom<u64>>(&mut self) -> Result<T> {
        T::try_from(self.uvar()?).map_err(|_| Error("integer out of range".into()))
    }
    fn narrow_i<T: TryFrom<i64>>(&mut self) -> Result<T> {
        T::try_from(self.ivar()?).map_err(|_| Error("integer out of range".into()))
    }
}

/// The integer reads: each `deserialize_X` reads with `how` and hands the value to `visit_X`.
macro_rules! integers {
    ($($m:ident => $visit:ident by $how:ident),* $(,)?) => {$(
        fn $m<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
            let x = self.$how()?;
            v.$visit(x)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut De<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        unsupported("a self-describing read")
    }
    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.byte()? {
            0 => v.visit_bool(false),
            1 => v.visit_bool(true),
            _ => Err(Error("bad bool".into())),
        }
    }
    integers! {
        deserialize_i8 => visit_i8 by narrow_i,
        deserialize_i16 => visit_i16 by narrow_i,
        deserialize_i32 => visit_i32 by narrow_i,
        deserialize_i64 => visit_i64 by ivar,
        deserialize_u8 => visit_u8 by byte,
        deserialize_u16 => visit_u16 by narrow,
        deserialize_u32 => visit_u32 by narrow,
        deserialize_u64 => visit_u64 by uvar,
    }
    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        let b = self.take(4)?;
        v.visit_f32(f32::from_le_bytes(b.try_into().expect("4 bytes")))
    }
    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        let b = self.take(8)?;
        v.visit_f64(f64::from_le_bytes(b.try_into().expect("8 bytes")))
    }
    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        let c = self.narrow::<u32>()?;
        v.visit_char(char::from_u32(c).ok_or_else(|| Error("bad char".into()))?)
    }
    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        let n = self.len()?;
        let b = self.take(n)?;
        v.visit_borrowed_str(std::str::from_utf8(b).map_err(|_| Error("bad UTF-8".into()))?)
    }
    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.deserialize_str(v)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        let n = self.len()?;
        v.visit_borrowed_bytes(self.take(n)?)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.deserialize_bytes(v)
    }
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.byte()? {
            0 => v.visit_none(),
            1 => v.visit_some(self),
            _ => Err(Error("bad option".into())),
        }
    }
    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_unit()
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, v: V) -> Result<V::Value> {
        v.visit_unit()
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, v: V) -> Result<V::Value> {
        v.visit_newtype_struct(self)
    }
    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        let n = self.len()?;
        v.visit_seq(Fields { de: self, left: n })
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, n: usize, v: V) -> Result<V::Value> {
        v.visit_seq(Fields { de: self, left: n })
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(self, _: &'static str, n: usize, v: V) -> Result<V::Value> {
        v.visit_seq(Fields { de: self, left: n })
    }
    fn deserialize_map<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        unsupported("a map")
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value> {
        v.visit_seq(Fields { de: self, left: fields.len() })
    }
    fn deserialize_enum<V: Visitor<'de>>(self, _: &'static str, _: &'static [&'static str], v: V) -> Result<V::Value> {
        v.visit_enum(self)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        let i = self.narrow::<u32>()?;
        v.visit_u32(i)
    }
    fn deserialize_ignored_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        unsupported("skipping a value")
    }
    fn is_human_readable(&self) -> bool {
        false
    }
}

struct Fields<'a, 'de> {
    de: &'a mut De<'de>,
    left: usize,
}

impl<'de> SeqAccess<'de> for Fields<'_, 'de> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.de).map(Some)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

impl<'de> EnumAccess<'de> for &mut De<'de> {
    type Error = Error;
    type Variant = Self;
    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let i = self.narrow::<u32>()?;
        let v = seed.deserialize(i.into_deserializer())?;
        Ok((v, self))
    }
}

impl<'de> VariantAccess<'de> for &mut De<'de> {
    type Error = Error;
    fn unit_variant(self) -> Result<()> {
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, n: usize, v: V) -> Result<V::Value> {
        v.visit_seq(Fields { de: self, left: n })
    }
    fn struct_variant<V: Visitor<'de>>(self, fields: &'static [&'static str], v: V) -> Result<V::Value> {
        v.visit_seq(Fields { de: self, left: fields.len() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::code::{Const, Op, Pos};

    #[test]
    fn round_trips_ops_consts_and_positions() {
        let ops =
            vec![Op::LoadConst(3), Op::Binary(2), Op::Is(true), Op::LoadClassDeref(7, 9), Op::Return, Op::Jump(70000)];
        let consts = vec![
            Const::None,
            Const::Int(-5),
            Const::BigInt("123456789012345678901234567890".parse().unwrap()),
            Const::Float(-0.0),
            Const::Float(f64::NAN),
            Const::Str("héllo".into()),
            Const::Tuple(vec![Const::Bool(true), Const::Bytes(vec![0, 255])]),
            Const::Code(4),
        ];
        let pos = vec![Pos { line: 1, col: 2, end_line: 3, end_col: 4, anchor_start: 0, anchor_end: 9 }];
        let bytes = to_vec(&(ops.clone(), consts.clone(), pos.clone(), Some(7u32), None::<u32>)).unwrap();
        type T = (Vec<Op>, Vec<Const>, Vec<Pos>, Option<u32>, Option<u32>);
        let (o, c, p, s, n): T = from_slice(&bytes).unwrap();
        assert_eq!(o, ops);
        assert_eq!(p, pos);
        assert_eq!((s, n), (Some(7), None));
        assert_eq!(c.len(), consts.len());
        assert!(matches!(c[3], Const::Float(f) if f == 0.0 && f.is_sign_negative()));
        assert!(matches!(c[4], Const::Float(f) if f.is_nan()));
        assert_eq!(c[..3], consts[..3]);
        assert_eq!(c[5..], consts[5..]);
        // Every truncation is an error, never a panic.
        for cut in 0..bytes.len() {
            assert!(from_slice::<T>(&bytes[..cut]).is_err(), "a cut at {cut} read back");
        }
    }
}
