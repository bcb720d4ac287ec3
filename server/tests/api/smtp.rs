//! A small SMTP server on loopback, started by the tests that send mail: it speaks enough of
//! RFC 5321 for a real client (EHLO, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT),
//! answers each message as told (accept, or refuse for now or for good), and keeps every
//! message it accepted, as received, for the test to parse.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// How the server answers the end of each message's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    Accept,
    /// A 4xx: try again later.
    Busy,
    /// A 5xx: the recipient does not exist.
    NoSuchUser,
}

/// A message the server accepted.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent, headers and body, with the dot-stuffing undone.
    pub data: Vec<u8>,
}

pub struct SmtpListener {
    pub port: u16,
    received: Arc<Mutex<Vec<Received>>>,
    /// How many messages were offered (accepted or not).
    offered: Arc<Mutex<usize>>,
    task: JoinHandle<()>,
}

impl Drop for SmtpListener {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl SmtpListener {
    pub async fn start(reply: Reply) -> SmtpListener {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let offered = Arc::new(Mutex::new(0));
        let (kept, counted) = (received.clone(), offered.clone());
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (kept, counted) = (kept.clone(), counted.clone());
                tokio::spawn(async move {
                    let _ = session(stream, reply, kept, counted).await;
                });
            }
        });
        SmtpListener {
            port,
            received,
            offered,
            task,
        }
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    pub fn offered(&self) -> usize {
        *self.offered.lock().unwrap()
    }
}

async fn session(
    stream: TcpStream,
    reply: Reply,
    kept: Arc<Mutex<Vec<Received>>>,
    offered: Arc<Mutex<usize>>,
) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 localhost test SMTP\r\n").await?;
    let mut from = String::new();
    let mut to = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_owned();
        let verb = command
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let answer: &[u8] = match verb.as_str() {
            "EHLO" => b"250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "HELO" => b"250 localhost\r\n",
            "MAIL" => {
                from = address(&command);
                to.clear();
                b"250 2.1.0 OK\r\n"
            }
            "RCPT" => {
                to.push(address(&command));
                b"250 2.1.5 OK\r\n"
            }
            "DATA" => {
                write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                let data = read_data(&mut lines).await?;
                *offered.lock().unwrap() += 1;
                match reply {
                    Reply::Accept => {
                        kept.lock().unwrap().push(Received {
                            from: from.clone(),
                            to: to.clone(),
                            data,
                        });
                        b"250 2.0.0 queued\r\n"
                    }
                    Reply::Busy => b"451 4.3.0 mailbox busy, try later\r\n",
                    Reply::NoSuchUser => b"550 5.1.1 no such user here\r\n",
                }
            }
            "RSET" | "NOOP" => b"250 2.0.0 OK\r\n",
            "QUIT" => {
                write.write_all(b"221 2.0.0 bye\r\n").await?;
                return Ok(());
            }
            _ => b"502 5.5.2 command not implemented\r\n",
        };
        write.write_all(answer).await?;
    }
}

/// The address in `MAIL FROM:<a@b> SIZE=1` or `RCPT TO:<a@b>`.
fn address(command: &str) -> String {
    command
        .split_once('<')
        .and_then(|(_, rest)| rest.split_once('>'))
        .map(|(address, _)| address.to_owned())
        .unwrap_or_default()
}

/// The message's lines up to the lone dot, with a leading doubled dot made single again.
async fn read_data(
    lines: &mut BufReader<tokio::net::tcp::OwnedReadHalf>,
) -> std::io::Result<Vec<u8>> {
    let mut data = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if lines.read_until(b'\n', &mut line).await? == 0 {
            return Ok(data);
        }
        if line == b".\r\n" {
            return Ok(data);
        }
        let unstuffed = if line.starts_with(b"..") {
            &line[1..]
        } else {
            &line[..]
        };
        data.extend_from_slice(unstuffed);
    }
}
