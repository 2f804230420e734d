//! Fetching a web address, and nothing else: no image, script or frame a
//! page names is ever fetched. One blocking request (ureq, rustls) with
//! timeouts, at most [`REDIRECTS`] redirects, gzip, the size limit of
//! `max_file_mb` counted after decompression (so a small bomb stays
//! small), and a User-Agent naming brief. A download is kept in the cache
//! and revalidated on the next open; when the network or the server
//! fails, the kept copy is used, with a note saying so.

use std::time::Duration;

use ureq::ResponseExt;
use ureq::http::{HeaderMap, StatusCode, header};

use super::Options;
use super::cache::{self, Entry};

/// How long a connection, or the wait for a response, may take.
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// How many redirects are followed.
pub const REDIRECTS: u32 = 5;

const USER_AGENT: &str = concat!(
    "brief/",
    env!("CARGO_PKG_VERSION"),
    " (a terminal news reader)"
);

/// What brief can read, best first.
const ACCEPT: &str = "text/html, application/xhtml+xml, application/rss+xml, \
    application/atom+xml, application/feed+json, application/xml;q=0.9, \
    text/plain;q=0.8, */*;q=0.5";

/// Why an address could not be fetched. The message leaves out the
/// address, which the caller's error puts in front.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("the server answered {code} {}", reason(*.code))]
    Status { code: u16 },
    #[error("timed out ({what})")]
    Timeout { what: String },
    #[error("more than {REDIRECTS} redirects")]
    Redirects,
    #[error("too large: over {limit} bytes (max_file_mb)")]
    TooLarge { limit: u64 },
    #[error("{0}")]
    Failed(String),
}

fn reason(code: u16) -> &'static str {
    StatusCode::from_u16(code)
        .ok()
        .and_then(|c| c.canonical_reason())
        .unwrap_or("")
}

/// Where a download came from and what it says it is.
#[derive(Clone, Debug, Default)]
pub struct Download {
    /// Where the last redirect led.
    pub url: String,
    pub content_type: Option<String>,
}

/// A download, fresh or from the cache.
#[derive(Debug)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub download: Download,
    /// Why the cached copy is used, when the network or the server failed.
    pub note: Option<String>,
}

impl Fetched {
    fn of(entry: Entry, note: Option<String>) -> Fetched {
        Fetched {
            bytes: entry.body,
            download: Download {
                url: entry.final_url,
                content_type: entry.content_type,
            },
            note,
        }
    }
}

/// The bytes at `url`: fetched, or the cached copy when the server says it
/// has not changed, or when fetching fails and a copy is kept.
pub fn get(url: &str, options: &Options) -> Result<Fetched, FetchError> {
    let folder = options.cache.as_deref();
    let cached = folder.and_then(|f| cache::load(f, url, options.max_bytes));
    match request(url, options, cached.as_ref()) {
        Ok(None) => Ok(Fetched::of(cached.expect("asked only with a copy"), None)),
        Ok(Some(entry)) => {
            if let Some(folder) = folder {
                // A download that cannot be kept is still read.
                let _ = cache::store(folder, &entry);
            }
            Ok(Fetched::of(entry, None))
        }
        Err(e) => match cached {
            Some(entry) => {
                let note = format!("{e}; showing the copy saved {}", entry.saved_at());
                Ok(Fetched::of(entry, Some(note)))
            }
            None => Err(e),
        },
    }
}

fn header(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// True for an address on this machine, which no proxy can reach for it.
fn loopback(url: &str) -> bool {
    let uri = url.parse::<ureq::http::Uri>().ok();
    let Some(host) = uri.as_ref().and_then(|u| u.host()) else {
        return false;
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// One request: a new entry, or `None` when the server says the cached
/// copy is current. A proxy the environment names is used, but for this
/// machine's own addresses.
fn request(
    url: &str,
    options: &Options,
    cached: Option<&Entry>,
) -> Result<Option<Entry>, FetchError> {
    let mut config = ureq::Agent::config_builder();
    if loopback(url) {
        config = config.proxy(None);
    }
    let agent: ureq::Agent = config
        .timeout_connect(Some(options.timeout))
        .timeout_recv_response(Some(options.timeout))
        .timeout_global(Some(options.timeout * 4))
        .max_redirects(REDIRECTS)
        .user_agent(USER_AGENT)
        .accept(ACCEPT)
        .http_status_as_error(false)
        .build()
        .into();
    let mut request = agent.get(url);
    if let Some(entry) = cached {
        if let Some(etag) = &entry.etag {
            request = request.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(date) = &entry.last_modified {
            request = request.header(header::IF_MODIFIED_SINCE, date);
        }
    }
    let mut response = request.call().map_err(|e| failed(e, options))?;
    let status = response.status();
    if status == StatusCode::NOT_MODIFIED && cached.is_some() {
        return Ok(None);
    }
    if !status.is_success() {
        return Err(FetchError::Status {
            code: status.as_u16(),
        });
    }
    let limit = options.max_bytes;
    let headers = response.headers();
    let too_large = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
        .is_some_and(|n| n > limit);
    // A compressed body's length says nothing of what it unpacks to.
    let compressed = headers.contains_key(header::CONTENT_ENCODING);
    if too_large && !compressed {
        return Err(FetchError::TooLarge { limit });
    }
    let entry = Entry {
        url: url.to_owned(),
        final_url: response.get_uri().to_string(),
        content_type: header(headers, header::CONTENT_TYPE),
        etag: header(headers, header::ETAG),
        last_modified: header(headers, header::LAST_MODIFIED),
        saved: cache::now(),
        body: Vec::new(),
    };
    let body = response
        .body_mut()
        .with_config()
        .limit(limit)
        .read_to_vec()
        .map_err(|e| failed(e, options))?;
    Ok(Some(Entry { body, ..entry }))
}

fn failed(e: ureq::Error, options: &Options) -> FetchError {
    use ureq::Error;
    match e {
        Error::StatusCode(code) => FetchError::Status { code },
        Error::Timeout(what) => FetchError::Timeout {
            what: match what {
                ureq::Timeout::Global => {
                    format!("not done in {} s", (options.timeout * 4).as_secs_f64())
                }
                _ => format!("no answer in {} s", options.timeout.as_secs_f64()),
            },
        },
        Error::TooManyRedirects => FetchError::Redirects,
        Error::BodyExceedsLimit(limit) => FetchError::TooLarge { limit },
        Error::HostNotFound => FetchError::Failed("no such host".to_owned()),
        Error::ConnectionFailed => FetchError::Failed("cannot connect".to_owned()),
        Error::Io(e) => FetchError::Failed(format!("cannot fetch: {e}")),
        e => FetchError::Failed(format!("cannot fetch: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_machines_addresses_are_loopback() {
        for url in [
            "http://127.0.0.1:8080/a",
            "http://localhost/",
            "https://[::1]:443/x",
            "http://127.9.9.9",
        ] {
            assert!(loopback(url), "{url}");
        }
        for url in [
            "https://example.com/",
            "http://10.0.0.1/",
            "http://[::2]/",
            "not a url",
        ] {
            assert!(!loopback(url), "{url}");
        }
    }
}
