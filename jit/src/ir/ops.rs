//! The op table: every trace operation, generated from one table (name, arity, result type,
//! flags), in the spirit of LuaJIT's `IRDEF` and PyPy's `resoperation`. Passes classify ops by
//! their flags, never by listing names. This file owns the table only; it must never know how
//! an op is compiled.

use super::Type;

/// Op flags (a bit set).
pub mod flag {
    /// No side effect and no dependence on memory: may be folded, CSE'd, dropped when unused.
    pub const PURE: u16 = 1;
    /// Exits the trace when its condition fails; carries resume data.
    pub const GUARD: u16 = 2;
    /// Allocates.
    pub const ALLOC: u16 = 4;
    /// Calls out of the trace (a runtime helper).
    pub const CALL: u16 = 8;
    /// Has a side effect on the heap or the machine state (stores, calls, barriers).
    pub const EFFECT: u16 = 16;
    /// Reads the heap.
    pub const LOAD: u16 = 32;
    /// Inserted by the late rewrite only (`StmRead`, `StmWrite`, `AllocNursery`).
    pub const LATE: u16 = 64;
    /// Ends the trace (`Jump`, `Exit`).
    pub const FINAL: u16 = 128;
    /// An int op that also sets the overflow flag a following `guard_(no_)overflow` tests.
    pub const OVF: u16 = 256;
    /// Takes a descriptor.
    pub const DESCR: u16 = 512;
}

/// Arity: a fixed number of arguments, or any number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arity {
    Fixed(u8),
    Var,
}

macro_rules! ops {
    ($( $variant:ident $name:literal $arity:tt $res:ident [$($flag:ident)*] ; )*) => {
        /// A trace operation (see the table in `ops.rs`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode { $($variant),* }

        impl Opcode {
            /// Every opcode, in table order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$variant),*];

            /// The textual name (`int_add_ovf`).
            pub fn name(self) -> &'static str {
                match self { $(Opcode::$variant => $name),* }
            }

            /// How many arguments it takes.
            pub fn arity(self) -> Arity {
                match self { $(Opcode::$variant => ops!(@arity $arity)),* }
            }

            /// The type of its result (`Type::Void`: none).
            pub fn result(self) -> Type {
                match self { $(Opcode::$variant => Type::$res),* }
            }

            /// Its flags (`flag::*`).
            pub fn flags(self) -> u16 {
                match self { $(Opcode::$variant => 0 $(| flag::$flag)*),* }
            }
        }
    };
    (@arity var) => { Arity::Var };
    (@arity $n:literal) => { Arity::Fixed($n) };
}

ops! {
    // control and debug
    Label            "label"             var Void  [];
    Jump             "jump"              var Void  [FINAL];
    Exit             "exit"              var Void  [FINAL];
    DebugMergePoint  "debug_merge_point" 2   Void  [];
    // copies: a fresh name for a value (the optimizer gives each loop-carried value its own,
    // so facts about the value before the label never apply to the label's parameter)
    SameAsI          "same_as_i"         1   Int   [];
    SameAsR          "same_as_r"         1   Ref   [];
    SameAsF          "same_as_f"         1   Float [];
    // integers (64-bit, wrapping unless _ovf)
    IntAdd           "int_add"           2   Int   [PURE];
    IntSub           "int_sub"           2   Int   [PURE];
    IntMul           "int_mul"           2   Int   [PURE];
    IntAnd           "int_and"           2   Int   [PURE];
    IntOr            "int_or"            2   Int   [PURE];
    IntXor           "int_xor"           2   Int   [PURE];
    IntLshift        "int_lshift"        2   Int   [PURE];
    IntRshift        "int_rshift"        2   Int   [PURE];
    UintRshift       "uint_rshift"       2   Int   [PURE];
    // Python's floor division and modulo (the result takes the divisor's sign). The divisor
    // must not be 0: a guard before the op makes sure (machine division traps).
    IntFloorDiv      "int_floordiv"      2   Int   [PURE];
    IntMod           "int_mod"           2   Int   [PURE];
    IntNeg           "int_neg"           1   Int   [PURE];
    IntInvert        "int_invert"        1   Int   [PURE];
    IntAddOvf        "int_add_ovf"       2   Int   [OVF];
    IntSubOvf        "int_sub_ovf"       2   Int   [OVF];
    IntMulOvf        "int_mul_ovf"       2   Int   [OVF];
    IntLt            "int_lt"            2   Int   [PURE];
    IntLe            "int_le"            2   Int   [PURE];
    IntEq            "int_eq"            2   Int   [PURE];
    IntNe            "int_ne"            2   Int   [PURE];
    IntGt            "int_gt"            2   Int   [PURE];
    IntGe            "int_ge"            2   Int   [PURE];
    UintLt           "uint_lt"           2   Int   [PURE];
    UintGe           "uint_ge"           2   Int   [PURE];
    IntIsTrue        "int_is_true"       1   Int   [PURE];
    IntIsZero        "int_is_zero"       1   Int   [PURE];
    // floats (f64)
    FloatAdd         "float_add"         2   Float [PURE];
    FloatSub         "float_sub"         2   Float [PURE];
    FloatMul         "float_mul"         2   Float [PURE];
    FloatTrueDiv     "float_truediv"     2   Float [PURE];
    FloatNeg         "float_neg"         1   Float [PURE];
    FloatAbs         "float_abs"         1   Float [PURE];
    FloatLt          "float_lt"          2   Int   [PURE];
    FloatLe          "float_le"          2   Int   [PURE];
    FloatEq          "float_eq"          2   Int   [PURE];
    FloatNe          "float_ne"          2   Int   [PURE];
    FloatGt          "float_gt"          2   Int   [PURE];
    FloatGe          "float_ge"          2   Int   [PURE];
    CastIntToFloat   "cast_int_to_float" 1   Float [PURE];
    CastFloatToInt   "cast_float_to_int" 1   Int   [PURE];
    // A reference's bits as an int (a word a helper returned that may be a tagged int).
    CastPtrToInt     "cast_ptr_to_int"   1   Int   [PURE];
    // An int's bits as a reference (a word that is no pointer: a VM's immediate constant).
    CastIntToPtr     "cast_int_to_ptr"   1   Ref   [PURE];
    // references
    PtrEq            "ptr_eq"            2   Int   [PURE];
    PtrNe            "ptr_ne"            2   Int   [PURE];
    // heap: fields and array items, described by descriptors
    GetfieldI        "getfield_i"        1   Int   [LOAD DESCR];
    GetfieldR        "getfield_r"        1   Ref   [LOAD DESCR];
    GetfieldF        "getfield_f"        1   Float [LOAD DESCR];
    Setfield         "setfield"          2   Void  [EFFECT DESCR];
    GetarrayitemI    "getarrayitem_i"    2   Int   [LOAD DESCR];
    GetarrayitemR    "getarrayitem_r"    2   Ref   [LOAD DESCR];
    GetarrayitemF    "getarrayitem_f"    2   Float [LOAD DESCR];
    Setarrayitem     "setarrayitem"      3   Void  [EFFECT DESCR];
    Arraylen         "arraylen"          1   Int   [LOAD DESCR];
    // allocation (descr: a size descriptor; arrays: an array descriptor)
    New              "new"               0   Ref   [ALLOC EFFECT DESCR];
    NewArray         "new_array"         1   Ref   [ALLOC EFFECT DESCR];
    // calls to runtime helpers (descr: a call descriptor with the address and effects)
    CallI            "call_i"            var Int   [CALL EFFECT DESCR];
    CallR            "call_r"            var Ref   [CALL EFFECT DESCR];
    CallF            "call_f"            var Float [CALL EFFECT DESCR];
    CallN            "call_n"            var Void  [CALL EFFECT DESCR];
    // guards
    GuardTrue        "guard_true"        1   Void  [GUARD];
    GuardFalse       "guard_false"       1   Void  [GUARD];
    GuardValue       "guard_value"       2   Void  [GUARD];
    GuardClass       "guard_class"       2   Void  [GUARD LOAD];
    GuardNonnull     "guard_nonnull"     1   Void  [GUARD];
    // exits unless the word is a reference (not null, 16-aligned) to an object of the class
    GuardNonnullClass "guard_nonnull_class" 2 Void [GUARD LOAD];
    GuardIsnull      "guard_isnull"      1   Void  [GUARD];
    GuardNoOverflow  "guard_no_overflow" 0   Void  [GUARD];
    GuardOverflow    "guard_overflow"    0   Void  [GUARD];
    GuardNoException "guard_no_exception" 0  Void  [GUARD];
    GuardNotInvalidated "guard_not_invalidated" 0 Void [GUARD];
    // late ops: inserted by the STM/GC rewrite just before lowering
    StmRead          "stm_read"          1   Void  [LATE EFFECT];
    StmWrite         "stm_write"         1   Void  [LATE EFFECT];
    AllocNursery     "alloc_nursery"     0   Ref   [LATE ALLOC EFFECT DESCR];
    AllocNurseryVar  "alloc_nursery_varsize" 1 Ref [LATE ALLOC EFFECT DESCR];
    // Leaves the trace when the transaction should break: inserted by the late rewrite at a
    // loop's back-edge; a recorder puts one where its trace passes another back-edge.
    BreakCheck       "break_check"       0   Void  [GUARD];
}

impl Opcode {
    pub fn has(self, f: u16) -> bool {
        self.flags() & f != 0
    }
    pub fn is_guard(self) -> bool {
        self.has(flag::GUARD)
    }
    /// Looks an opcode up by its textual name.
    pub fn from_name(name: &str) -> Option<Opcode> {
        Opcode::ALL.iter().copied().find(|o| o.name() == name)
    }
    /// The `same_as` op for values of type `t`.
    pub fn same_as(t: Type) -> Opcode {
        match t {
            Type::Int => Opcode::SameAsI,
            Type::Ref => Opcode::SameAsR,
            Type::Float => Opcode::SameAsF,
            Type::Void => unreachable!("no void values"),
        }
    }
    /// Whether it carries resume data (guards and `exit`).
    pub fn has_resume(self) -> bool {
        self.is_guard() || self == Opcode::Exit
    }
}
