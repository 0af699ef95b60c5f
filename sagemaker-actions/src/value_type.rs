use std::fmt;

/// The data type of a condition key's value, as the Service Authorization Reference names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ValueType {
    /// "String".
    String,
    /// "ARN".
    Arn,
    /// "Bool".
    Bool,
    /// "Numeric".
    Numeric,
    /// "Date".
    Date,
    /// "IPAddress".
    IpAddress,
    /// "Binary".
    Binary,
    /// Date or Numeric: `aws:EpochTime` is documented with both types.
    DateOrNumeric,
    /// "ArrayOfString": a multivalued string key.
    ArrayOfString,
    /// "ArrayOfARN".
    ArrayOfArn,
    /// "ArrayOfBool".
    ArrayOfBool,
    /// "ArrayOfNumeric".
    ArrayOfNumeric,
    /// "ArrayOfDate".
    ArrayOfDate,
    /// "ArrayOfIPAddress".
    ArrayOfIpAddress,
}

impl ValueType {
    /// Whether a request can carry a set of values for the key (an `ArrayOf...` type), so that
    /// conditions on it need `ForAllValues:` or `ForAnyValue:`.
    pub const fn is_multivalued(self) -> bool {
        matches!(
            self,
            ValueType::ArrayOfString
                | ValueType::ArrayOfArn
                | ValueType::ArrayOfBool
                | ValueType::ArrayOfNumeric
                | ValueType::ArrayOfDate
                | ValueType::ArrayOfIpAddress
        )
    }

    /// The type of one value: `ArrayOfString` gives `String`; single-valued types give themselves.
    pub const fn element_type(self) -> ValueType {
        match self {
            ValueType::ArrayOfString => ValueType::String,
            ValueType::ArrayOfArn => ValueType::Arn,
            ValueType::ArrayOfBool => ValueType::Bool,
            ValueType::ArrayOfNumeric => ValueType::Numeric,
            ValueType::ArrayOfDate => ValueType::Date,
            ValueType::ArrayOfIpAddress => ValueType::IpAddress,
            single => single,
        }
    }

    /// The reference's name: "String", "ARN", "ArrayOfString", ...
    pub const fn as_str(self) -> &'static str {
        match self {
            ValueType::String => "String",
            ValueType::Arn => "ARN",
            ValueType::Bool => "Bool",
            ValueType::Numeric => "Numeric",
            ValueType::Date => "Date",
            ValueType::IpAddress => "IPAddress",
            ValueType::Binary => "Binary",
            ValueType::DateOrNumeric => "Date and Numeric",
            ValueType::ArrayOfString => "ArrayOfString",
            ValueType::ArrayOfArn => "ArrayOfARN",
            ValueType::ArrayOfBool => "ArrayOfBool",
            ValueType::ArrayOfNumeric => "ArrayOfNumeric",
            ValueType::ArrayOfDate => "ArrayOfDate",
            ValueType::ArrayOfIpAddress => "ArrayOfIPAddress",
        }
    }
}

impl ValueType {
    /// Every type.
    pub const ALL: [ValueType; 14] = [
        ValueType::String,
        ValueType::Arn,
        ValueType::Bool,
        ValueType::Numeric,
        ValueType::Date,
        ValueType::IpAddress,
        ValueType::Binary,
        ValueType::DateOrNumeric,
        ValueType::ArrayOfString,
        ValueType::ArrayOfArn,
        ValueType::ArrayOfBool,
        ValueType::ArrayOfNumeric,
        ValueType::ArrayOfDate,
        ValueType::ArrayOfIpAddress,
    ];

    /// Parses the reference's type name ("ArrayOfARN"; "Boolean" is read as "Bool").
    pub fn from_reference_name(name: &str) -> Option<ValueType> {
        if name == "Boolean" {
            return Some(ValueType::Bool);
        }
        if name == "DateOrNumeric" {
            return Some(ValueType::DateOrNumeric);
        }
        ValueType::ALL
            .into_iter()
            .find(|value_type| value_type.as_str() == name)
    }
}

impl fmt::Display for ValueType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
