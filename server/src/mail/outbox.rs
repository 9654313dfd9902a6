use std::collections::VecDeque;
use std::sync::Mutex;

use chrono::{DateTime, Utc};

use super::Mail;

const KEPT: usize = 50;

/// The development outbox: the last messages, newest first, in this process's memory.
#[derive(Default)]
pub struct Outbox {
    messages: Mutex<VecDeque<(DateTime<Utc>, Mail)>>,
}

impl Outbox {
    pub fn deliver(&self, mail: Mail) {
        println!(
            "\n── mail (dev outbox) ─────────────────────────────\nTo: {}\nSubject: {}\n\n{}\n──────────────────────────────────────────────────\n",
            mail.to, mail.subject, mail.text
        );
        let mut messages = self.messages.lock().unwrap_or_else(|p| p.into_inner());
        messages.push_front((Utc::now(), mail));
        messages.truncate(KEPT);
    }

    pub fn messages(&self) -> Vec<(DateTime<Utc>, Mail)> {
        self.messages
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .cloned()
            .collect()
    }
}
