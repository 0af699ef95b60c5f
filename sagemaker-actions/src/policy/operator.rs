use crate::ValueType;
use std::fmt;
use std::str::FromStr;

/// A condition operator without qualifier or `IfExists`: the 27 names IAM defines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)] // The variants are IAM's operator names.
pub enum BaseOperator {
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    Null,
}

/// The operator families, which decide what values and key types fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OperatorFamily {
    /// String operators.
    String,
    /// Numeric operators.
    Numeric,
    /// Date operators.
    Date,
    /// `Bool`.
    Bool,
    /// `BinaryEquals`.
    Binary,
    /// `IpAddress`, `NotIpAddress`.
    Ip,
    /// ARN operators.
    Arn,
    /// `Null`.
    Null,
}

impl BaseOperator {
    /// Every operator.
    pub const ALL: [BaseOperator; 27] = {
        use BaseOperator::*;
        [
            StringEquals,
            StringNotEquals,
            StringEqualsIgnoreCase,
            StringNotEqualsIgnoreCase,
            StringLike,
            StringNotLike,
            NumericEquals,
            NumericNotEquals,
            NumericLessThan,
            NumericLessThanEquals,
            NumericGreaterThan,
            NumericGreaterThanEquals,
            DateEquals,
            DateNotEquals,
            DateLessThan,
            DateLessThanEquals,
            DateGreaterThan,
            DateGreaterThanEquals,
            Bool,
            BinaryEquals,
            IpAddress,
            NotIpAddress,
            ArnEquals,
            ArnLike,
            ArnNotEquals,
            ArnNotLike,
            Null,
        ]
    };

    /// IAM's name.
    pub const fn as_str(self) -> &'static str {
        use BaseOperator::*;
        match self {
            StringEquals => "StringEquals",
            StringNotEquals => "StringNotEquals",
            StringEqualsIgnoreCase => "StringEqualsIgnoreCase",
            StringNotEqualsIgnoreCase => "StringNotEqualsIgnoreCase",
            StringLike => "StringLike",
            StringNotLike => "StringNotLike",
            NumericEquals => "NumericEquals",
            NumericNotEquals => "NumericNotEquals",
            NumericLessThan => "NumericLessThan",
            NumericLessThanEquals => "NumericLessThanEquals",
            NumericGreaterThan => "NumericGreaterThan",
            NumericGreaterThanEquals => "NumericGreaterThanEquals",
            DateEquals => "DateEquals",
            DateNotEquals => "DateNotEquals",
            DateLessThan => "DateLessThan",
            DateLessThanEquals => "DateLessThanEquals",
            DateGreaterThan => "DateGreaterThan",
            DateGreaterThanEquals => "DateGreaterThanEquals",
            Bool => "Bool",
            BinaryEquals => "BinaryEquals",
            IpAddress => "IpAddress",
            NotIpAddress => "NotIpAddress",
            ArnEquals => "ArnEquals",
            ArnLike => "ArnLike",
            ArnNotEquals => "ArnNotEquals",
            ArnNotLike => "ArnNotLike",
            Null => "Null",
        }
    }

    /// The operator's family.
    pub const fn family(self) -> OperatorFamily {
        use BaseOperator::*;
        match self {
            StringEquals
            | StringNotEquals
            | StringEqualsIgnoreCase
            | StringNotEqualsIgnoreCase
            | StringLike
            | StringNotLike => OperatorFamily::String,
            NumericEquals
            | NumericNotEquals
            | NumericLessThan
            | NumericLessThanEquals
            | NumericGreaterThan
            | NumericGreaterThanEquals => OperatorFamily::Numeric,
            DateEquals
            | DateNotEquals
            | DateLessThan
            | DateLessThanEquals
            | DateGreaterThan
            | DateGreaterThanEquals => OperatorFamily::Date,
            Bool => OperatorFamily::Bool,
            BinaryEquals => OperatorFamily::Binary,
            IpAddress | NotIpAddress => OperatorFamily::Ip,
            ArnEquals | ArnLike | ArnNotEquals | ArnNotLike => OperatorFamily::Arn,
            Null => OperatorFamily::Null,
        }
    }

    /// Whether `*` and `?` in values are wildcards (the `Like` operators; ARN operators always
    /// match per field with wildcards).
    pub const fn is_like(self) -> bool {
        matches!(
            self,
            BaseOperator::StringLike
                | BaseOperator::StringNotLike
                | BaseOperator::ArnLike
                | BaseOperator::ArnNotLike
                | BaseOperator::ArnEquals
                | BaseOperator::ArnNotEquals
        )
    }

    /// Whether the operator suits keys of `key_type` (for multivalued keys, of its elements):
    /// String operators suit String keys and, as AWS allows, ARN keys; Numeric and Date
    /// operators both suit `aws:EpochTime`; `Null` suits every key.
    pub const fn fits(self, key_type: ValueType) -> bool {
        let element = key_type.element_type();
        match self.family() {
            OperatorFamily::String => matches!(element, ValueType::String | ValueType::Arn),
            OperatorFamily::Arn => matches!(element, ValueType::Arn),
            OperatorFamily::Numeric => {
                matches!(element, ValueType::Numeric | ValueType::DateOrNumeric)
            }
            OperatorFamily::Date => matches!(element, ValueType::Date | ValueType::DateOrNumeric),
            OperatorFamily::Bool => matches!(element, ValueType::Bool),
            OperatorFamily::Binary => matches!(element, ValueType::Binary),
            OperatorFamily::Ip => matches!(element, ValueType::IpAddress),
            OperatorFamily::Null => true,
        }
    }
}

/// `ForAllValues:` or `ForAnyValue:`, for multivalued keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SetQualifier {
    /// Every value of the request must match.
    ForAllValues,
    /// At least one value of the request must match.
    ForAnyValue,
}

impl SetQualifier {
    /// IAM's name, without the colon.
    pub const fn as_str(self) -> &'static str {
        match self {
            SetQualifier::ForAllValues => "ForAllValues",
            SetQualifier::ForAnyValue => "ForAnyValue",
        }
    }
}

/// A full condition operator: optional set qualifier, base operator, optional `IfExists`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Operator {
    /// `ForAllValues:` / `ForAnyValue:`.
    pub qualifier: Option<SetQualifier>,
    /// The base operator.
    pub base: BaseOperator,
    /// The `IfExists` suffix.
    pub if_exists: bool,
}

impl Operator {
    /// A plain operator.
    pub const fn new(base: BaseOperator) -> Self {
        Operator {
            qualifier: None,
            base,
            if_exists: false,
        }
    }

    /// With a set qualifier.
    pub const fn with_qualifier(self, qualifier: SetQualifier) -> Self {
        Operator {
            qualifier: Some(qualifier),
            ..self
        }
    }

    /// With `IfExists`.
    pub const fn if_exists(self) -> Self {
        Operator {
            if_exists: true,
            ..self
        }
    }
}

impl fmt::Display for Operator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(qualifier) = self.qualifier {
            write!(f, "{}:", qualifier.as_str())?;
        }
        f.write_str(self.base.as_str())?;
        if self.if_exists {
            f.write_str("IfExists")?;
        }
        Ok(())
    }
}

/// Text that is not a condition operator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownOperator(pub String);

impl fmt::Display for UnknownOperator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown condition operator {:?}", self.0)
    }
}

impl std::error::Error for UnknownOperator {}

impl FromStr for Operator {
    type Err = UnknownOperator;

    /// Operator names are case-sensitive, as IAM treats them.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let unknown = || UnknownOperator(text.to_owned());
        let (qualifier, rest) = match text.split_once(':') {
            Some(("ForAllValues", rest)) => (Some(SetQualifier::ForAllValues), rest),
            Some(("ForAnyValue", rest)) => (Some(SetQualifier::ForAnyValue), rest),
            Some(_) => return Err(unknown()),
            None => (None, text),
        };
        let (name, if_exists) = match rest.strip_suffix("IfExists") {
            Some(name) => (name, true),
            None => (rest, false),
        };
        let base = BaseOperator::ALL
            .into_iter()
            .find(|base| base.as_str() == name)
            .ok_or_else(unknown)?;
        Ok(Operator {
            qualifier,
            base,
            if_exists,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_round_trip() {
        for text in [
            "StringEquals",
            "ForAnyValue:StringLike",
            "ForAllValues:StringNotLikeIfExists",
            "NullIfExists",
            "BoolIfExists",
        ] {
            assert_eq!(text.parse::<Operator>().unwrap().to_string(), text);
        }
        assert!("stringEquals".parse::<Operator>().is_err());
        assert!("ForSomeValues:StringEquals".parse::<Operator>().is_err());
        assert!("StringEqual".parse::<Operator>().is_err());
    }

    #[test]
    fn operators_fit_key_types() {
        assert!(BaseOperator::StringLike.fits(ValueType::Arn));
        assert!(BaseOperator::StringEquals.fits(ValueType::ArrayOfString));
        assert!(!BaseOperator::NumericLessThan.fits(ValueType::String));
        assert!(!BaseOperator::Bool.fits(ValueType::Arn));
        assert!(BaseOperator::NumericLessThan.fits(ValueType::DateOrNumeric));
        assert!(BaseOperator::Null.fits(ValueType::IpAddress));
    }
}
