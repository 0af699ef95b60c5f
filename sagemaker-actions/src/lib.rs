//! A typed IAM catalog of Amazon SageMaker actions, resource types and condition keys.

#![forbid(unsafe_code)]
