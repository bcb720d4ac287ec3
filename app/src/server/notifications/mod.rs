//! Notifications: what each person is told in the app (the bell's list, marked read one by one
//! or all at once, and whether reminders also come by email), and the daily reminders of
//! certificates expiring and mandatory courses due.

pub mod inbox;
pub mod reminders;
