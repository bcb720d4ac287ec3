//! Single-use links given to an account's holder (a new account's welcome and a forgotten
//! password's reset by mail, a sign-in waiting for its second factor in a cookie): 256 random bits in the link, of which only the SHA-256 is stored, an
//! expiry, and a use marked once. Each kind keeps its links in a table of its own with the same
//! columns ([`LinkTable`]). A new link for an account replaces its earlier unused ones.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::sea_query::{Expr, LockType};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use super::sessions::{hash_token, random_token};
use crate::model::{AppError, UserId};
use crate::server::entities::{account_invitation, password_reset, sign_in_challenge, user};

/// One stored link, whatever its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub id: i32,
    pub user_id: i32,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
}

impl Link {
    /// Whether it can still be used at `now`: neither used nor expired.
    pub fn is_live(&self, now: DateTime<Utc>) -> bool {
        self.used_at.is_none() && self.expires_at > now
    }
}

/// A table of single-use links, with the columns `id`, `user_id`, `token_hash` (unique),
/// `created_at`, `expires_at` and `used_at`.
pub trait LinkTable: EntityTrait {
    const ID: Self::Column;
    const USER_ID: Self::Column;
    const TOKEN_HASH: Self::Column;
    const EXPIRES_AT: Self::Column;
    const USED_AT: Self::Column;

    /// A row to insert.
    type Row: ActiveModelTrait<Entity = Self> + Send;

    /// A new, unused link of account `user_id`.
    fn row(
        user_id: i32,
        token_hash: String,
        created_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Self::Row;

    fn link(model: Self::Model) -> Link;
}

/// A link just made: its token (for the mail, never stored, nor shown by `Debug`) and when it
/// stops working.
#[derive(Clone, PartialEq, Eq)]
pub struct Issued {
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

impl std::fmt::Debug for Issued {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Issued")
            .field("token", &"…")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// A new link for account `user`, live for `lifetime` from `now`; the account's earlier unused
/// links of the same kind stop working. Run it in a write transaction: two links issued for one
/// account at once take turns, so that only the later stays live.
pub async fn issue<T: LinkTable>(
    db: &impl ConnectionTrait,
    user: UserId,
    now: DateTime<Utc>,
    lifetime: TimeDelta,
) -> Result<Issued, AppError> {
    // On PostgreSQL the turn is a lock on the account's row (SQLite's write lock already takes
    // turns), one that rows merely naming the account, such as its sessions, need not wait for.
    user::Entity::find_by_id(user.0)
        .select_only()
        .column(user::Column::Id)
        .lock(LockType::NoKeyUpdate)
        .into_tuple::<i32>()
        .one(db)
        .await?;
    withdraw::<T>(db, user).await?;
    let token = random_token();
    let expires_at = now + lifetime;
    T::insert(T::row(user.0, hash_token(&token), now, expires_at))
        .exec(db)
        .await?;
    Ok(Issued { token, expires_at })
}

/// Ends account `user`'s links of this kind still unused.
pub async fn withdraw<T: LinkTable>(
    db: &impl ConnectionTrait,
    user: UserId,
) -> Result<(), AppError> {
    T::delete_many()
        .filter(T::USER_ID.eq(user.0))
        .filter(T::USED_AT.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// The link behind `token`, used or not; `NotFound` for a token never issued or since
/// replaced.
async fn find<T: LinkTable>(db: &impl ConnectionTrait, token: &str) -> Result<Link, AppError> {
    let token = token.trim();
    if token.is_empty() {
        return Err(AppError::NotFound);
    }
    T::find()
        .filter(T::TOKEN_HASH.eq(hash_token(token)))
        .one(db)
        .await?
        .map(T::link)
        .ok_or(AppError::NotFound)
}

/// The link behind `token` and its account, if it can still be used at `now`: neither used
/// nor expired, and for an account that may sign in; `NotFound` for a token never issued or
/// since replaced.
pub async fn usable<T: LinkTable>(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(Link, user::Model)>, AppError> {
    let found = find::<T>(db, token).await?;
    if !found.is_live(now) {
        return Ok(None);
    }
    let account = user::Entity::find_by_id(found.user_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(account.active.then_some((found, account)))
}

/// Marks `link` used at `now` if it is still live then; whether it was. Of two uses at once,
/// only one finds it unused.
pub async fn use_up<T: LinkTable>(
    db: &impl ConnectionTrait,
    link: &Link,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let used = T::update_many()
        .col_expr(T::USED_AT, Expr::value(now))
        .filter(T::ID.eq(link.id))
        .filter(T::USED_AT.is_null())
        .filter(T::EXPIRES_AT.gt(now))
        .exec(db)
        .await?;
    Ok(used.rows_affected == 1)
}

/// The latest of account `user`'s unused links of this kind (live or expired), if any.
pub async fn latest_unused<T: LinkTable>(
    db: &impl ConnectionTrait,
    user: UserId,
) -> Result<Option<Link>, AppError> {
    Ok(T::find()
        .filter(T::USER_ID.eq(user.0))
        .filter(T::USED_AT.is_null())
        .order_by_desc(T::EXPIRES_AT)
        .one(db)
        .await?
        .map(T::link))
}

/// Deletes the links of this kind that expired before `before`, used or not; how many.
pub async fn purge<T: LinkTable>(
    db: &impl ConnectionTrait,
    before: DateTime<Utc>,
) -> Result<u64, AppError> {
    Ok(T::delete_many()
        .filter(T::EXPIRES_AT.lt(before))
        .exec(db)
        .await?
        .rows_affected)
}

/// [`LinkTable`] for the entity of module `$table`, which has the columns the trait names.
macro_rules! link_table {
    ($table:ident) => {
        impl LinkTable for $table::Entity {
            const ID: $table::Column = $table::Column::Id;
            const USER_ID: $table::Column = $table::Column::UserId;
            const TOKEN_HASH: $table::Column = $table::Column::TokenHash;
            const EXPIRES_AT: $table::Column = $table::Column::ExpiresAt;
            const USED_AT: $table::Column = $table::Column::UsedAt;

            type Row = $table::ActiveModel;

            fn row(
                user_id: i32,
                token_hash: String,
                created_at: DateTime<Utc>,
                expires_at: DateTime<Utc>,
            ) -> Self::Row {
                $table::ActiveModel {
                    user_id: Set(user_id),
                    token_hash: Set(token_hash),
                    created_at: Set(created_at),
                    expires_at: Set(expires_at),
                    used_at: Set(None),
                    ..Default::default()
                }
            }

            fn link(model: $table::Model) -> Link {
                Link {
                    id: model.id,
                    user_id: model.user_id,
                    expires_at: model.expires_at,
                    used_at: model.used_at,
                }
            }
        }
    };
}

link_table!(account_invitation);
link_table!(password_reset);
link_table!(sign_in_challenge);

#[cfg(test)]
mod tests {
    use super::*;

    fn link(used: bool, expires_in_minutes: i64) -> (Link, DateTime<Utc>) {
        let now = Utc::now();
        let link = Link {
            id: 1,
            user_id: 2,
            expires_at: now + TimeDelta::minutes(expires_in_minutes),
            used_at: used.then_some(now),
        };
        (link, now)
    }

    #[test]
    fn an_issued_links_debug_form_hides_its_token() {
        let issued = Issued {
            token: "abc123".to_owned(),
            expires_at: Utc::now(),
        };
        assert!(!format!("{issued:?}").contains("abc123"));
    }

    #[test]
    fn a_link_is_live_until_it_is_used_or_expires() {
        let (fresh, now) = link(false, 30);
        assert!(fresh.is_live(now));
        let (used, now) = link(true, 30);
        assert!(!used.is_live(now));
        let (expired, now) = link(false, -1);
        assert!(!expired.is_live(now));
        let (at_the_minute, now) = link(false, 0);
        assert!(!at_the_minute.is_live(now), "expiry is exclusive");
    }
}
