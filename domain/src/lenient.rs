//! Reading JSON leniently, straight into our types: a field is taken when it has the shape
//! it should have, and read and dropped otherwise, so a wrongly typed field never fails
//! the object holding it. No tree of [`serde_json::Value`]s is built on the way.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A JSON scalar other than `null`, as a field of ours can use it.
#[derive(Debug)]
pub(crate) enum Scalar {
    Flag(bool),
    Int(i64),
    Float(f64),
    Text(String),
}

impl Scalar {
    pub(crate) fn text(self) -> Option<String> {
        match self {
            Scalar::Text(text) => Some(text),
            _ => None,
        }
    }

    pub(crate) fn flag(self) -> Option<bool> {
        match self {
            Scalar::Flag(flag) => Some(flag),
            _ => None,
        }
    }
}

/// What a value can be read as. Each hook receives a value of one JSON kind and says what
/// it makes of it; by default nothing (the value is still read to its end).
pub(crate) trait Shape: Sized {
    fn scalar(_value: Scalar) -> Option<Self> {
        None
    }

    fn list<'de, A: SeqAccess<'de>>(mut list: A) -> Result<Option<Self>, A::Error> {
        while list.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn object<'de, A: MapAccess<'de>>(mut object: A) -> Result<Option<Self>, A::Error> {
        while object.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

impl Shape for Scalar {
    fn scalar(value: Scalar) -> Option<Self> {
        Some(value)
    }
}

/// The strings of a list (its other items are left out).
impl Shape for Vec<String> {
    fn list<'de, A: SeqAccess<'de>>(mut list: A) -> Result<Option<Self>, A::Error> {
        let mut texts = Vec::new();
        while let Some(Lenient(item)) = list.next_element::<Lenient<Scalar>>()? {
            texts.extend(item.and_then(Scalar::text));
        }
        Ok(Some(texts))
    }
}

/// `T` read leniently where it must be there: a value of another shape is a shape error
/// (`what` says what it should have been), which a list decoder counts as skipped.
pub(crate) fn required<'de, T: Shape, D: Deserializer<'de>>(
    deserializer: D,
    what: &'static str,
) -> Result<T, D::Error> {
    Lenient::<T>::deserialize(deserializer)?
        .0
        .ok_or_else(|| serde::de::Error::custom(what))
}

/// A value read as `T` when it has a shape `T` takes; `None` otherwise, `null` included.
pub(crate) struct Lenient<T>(pub Option<T>);

impl<'de, T: Shape> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(LenientVisitor(PhantomData))
            .map(Lenient)
    }
}

struct LenientVisitor<T>(PhantomData<T>);

impl<'de, T: Shape> Visitor<'de> for LenientVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Option<T>, E> {
        Ok(T::scalar(Scalar::Flag(v)))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Option<T>, E> {
        Ok(T::scalar(Scalar::Int(v)))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Option<T>, E> {
        Ok(T::scalar(match i64::try_from(v) {
            Ok(v) => Scalar::Int(v),
            Err(_) => Scalar::Float(v as f64),
        }))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Option<T>, E> {
        Ok(T::scalar(Scalar::Float(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Option<T>, E> {
        Ok(T::scalar(Scalar::Text(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Option<T>, E> {
        Ok(T::scalar(Scalar::Text(v)))
    }

    fn visit_unit<E>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_none<E>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, list: A) -> Result<Option<T>, A::Error> {
        T::list(list)
    }

    fn visit_map<A: MapAccess<'de>>(self, object: A) -> Result<Option<T>, A::Error> {
        T::object(object)
    }
}

/// An object's field name: borrowed from the body when it has no escapes, as nearly all do.
pub(crate) enum Name<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Name<'_> {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Name::Borrowed(name) => name,
            Name::Owned(name) => name,
        }
    }

    pub(crate) fn into_owned(self) -> String {
        match self {
            Name::Borrowed(name) => name.to_owned(),
            Name::Owned(name) => name,
        }
    }
}

impl<'de> Deserialize<'de> for Name<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(NameVisitor)
    }
}

struct NameVisitor;

impl<'de> Visitor<'de> for NameVisitor {
    type Value = Name<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Name<'de>, E> {
        Ok(Name::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Name<'de>, E> {
        Ok(Name::Owned(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Name<'de>, E> {
        Ok(Name::Owned(v))
    }
}

/// The next field's value, read as `T` when it has a shape `T` takes.
pub(crate) fn field<'de, T: Shape, A: MapAccess<'de>>(
    object: &mut A,
) -> Result<Option<T>, A::Error> {
    object
        .next_value::<Lenient<T>>()
        .map(|Lenient(value)| value)
}

/// The next field's value when it is a string.
pub(crate) fn text<'de, A: MapAccess<'de>>(object: &mut A) -> Result<Option<String>, A::Error> {
    field::<Scalar, A>(object).map(|value| value.and_then(Scalar::text))
}
