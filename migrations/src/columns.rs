//! Column shapes the migrations share.

use sea_orm_migration::prelude::*;

/// A required point in time, with its time zone.
pub fn timestamp<T: IntoIden>(column: T) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}
