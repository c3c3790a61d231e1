//! When to try again, for Tiny API.

use crate::Entry;
use std::fmt;
use std::time::Duration;

/// Whether repeating a failed request can succeed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Retry {
    /// Repeating it fails again.
    Never,
    /// Repeat it after the delay.
    Always,
    /// A repeat may succeed: the caller or the user decides.
    Maybe,
    /// Read the details before deciding.
    Depends,
    /// Repeat it once the action is done.
    AfterAction,
}

impl Retry {
    /// The catalog's spelling (`"after-action"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Never => "never",
            Self::Always => "always",
            Self::Maybe => "maybe",
            Self::Depends => "depends",
            Self::AfterAction => "after-action",
        }
    }
}

impl fmt::Display for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What to do before (or instead of) repeating a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Nothing.
    None,
    /// Correct the request.
    FixRequest,
    /// Check the credentials.
    CheckCredentials,
    /// Get a new quote.
    Requote,
    /// Send the same signed request again.
    ResubmitSame,
    /// Poll the status of the operation.
    PollStatus,
    /// Make the request smaller.
    ReduceSize,
    /// Change the parameters of the request.
    AdjustRequest,
    /// Ask the API's support.
    ContactSupport,
}

impl Action {
    /// The catalog's spelling (`"fix-request"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::FixRequest => "fix-request",
            Self::CheckCredentials => "check-credentials",
            Self::Requote => "requote",
            Self::ResubmitSame => "resubmit-same",
            Self::PollStatus => "poll-status",
            Self::ReduceSize => "reduce-size",
            Self::AdjustRequest => "adjust-request",
            Self::ContactSupport => "contact-support",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the delay grows with the attempt number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Backoff {
    /// The same delay every time.
    None,
    /// The delay times the attempt number.
    Linear,
    /// The delay doubled at each attempt.
    Exponential,
}

/// How a delay header's value reads: the type the catalog declares for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DelayType {
    /// Delay-seconds, or an HTTP-date (`Retry-After` allows both).
    Seconds,
    /// The time to retry at, in seconds since 1970.
    EpochSeconds,
    /// The time to retry at, as an HTTP-date.
    HttpDate,
}

/// A retry policy: whether, when and how often to repeat a failed request.
/// [`decide`] applies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Policy {
    /// The catalog's name for it; `None` for a policy written inline.
    pub name: Option<&'static str>,
    /// Whether repeating the request can succeed.
    pub retry: Retry,
    /// What to do before (or instead of) repeating it.
    pub action: Action,
    /// A response header whose delay overrides the policy's.
    pub delay_header: Option<&'static str>,
    /// How `delay_header` reads.
    pub delay_type: DelayType,
    /// The delay before the first retry.
    pub delay: Duration,
    /// A cap on any delay.
    pub max_delay: Option<Duration>,
    /// How the delay grows with the attempt number.
    pub backoff: Backoff,
    /// Repeating the same request is safe.
    pub idempotent: bool,
    /// Attempts in all, the first included; `None` for no limit.
    pub max_attempts: Option<u32>,
    /// One sentence for people.
    pub advice: &'static str,
    /// Conditions on the response: the first that holds hands the decision
    /// to its policy ([`crate::classify`] reads them).
    pub when: &'static [Condition],
}

/// A condition of a [`Policy`] on a response header: when it holds, the
/// policy [`Condition::then`] decides instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Condition {
    /// The response header it reads (names compare without ASCII case; the
    /// first field of the name counts).
    pub header: &'static str,
    /// What the header's value must be.
    pub test: Test,
    /// The text of [`Test::Equals`]; empty for the other tests.
    pub equals: &'static str,
    /// The number of [`Test::AtMost`] and [`Test::AtLeast`]; 0 for the
    /// other tests.
    pub bound: i64,
    /// The policy that decides when it holds; it has no conditions itself.
    pub then: &'static Policy,
}

/// What a [`Condition`] asks of its header's value, blanks (space, tab)
/// around it not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Test {
    /// The response carries the header, with any value.
    Present,
    /// The value is [`Condition::equals`] exactly (case-sensitive).
    Equals,
    /// The value is a whole number (an optional `-` and 1 to 18 digits) at
    /// most [`Condition::bound`].
    AtMost,
    /// The value is a whole number at least [`Condition::bound`].
    AtLeast,
}

impl Condition {
    /// Whether the condition holds for its header's `value` (`None` when the
    /// response lacks the header).
    pub fn holds(&self, value: Option<&[u8]>) -> bool {
        let Some(value) = value else {
            return false;
        };
        let blank = |b: &u8| *b == b' ' || *b == b'\t';
        let start = value.iter().position(|b| !blank(b)).unwrap_or(value.len());
        let end = value.iter().rposition(|b| !blank(b));
        let text = &value[start..end.map_or(start, |i| i + 1)];
        match self.test {
            Test::Present => true,
            Test::Equals => text == self.equals.as_bytes(),
            Test::AtMost => whole_number(text).is_some_and(|n| n <= self.bound),
            Test::AtLeast => whole_number(text).is_some_and(|n| n >= self.bound),
        }
    }
}

/// An optional `-` and 1 to 18 decimal digits, as a number.
fn whole_number(text: &[u8]) -> Option<i64> {
    let digits = text.strip_prefix(b"-").unwrap_or(text);
    if digits.is_empty() || digits.len() > 18 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = digits
        .iter()
        .fold(0i64, |n, b| n * 10 + i64::from(b - b'0'));
    Some(if digits.len() < text.len() { -n } else { n })
}

/// The answer of [`decide`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decision {
    /// Repeat the request (after doing the action).
    pub retry: bool,
    /// Wait this long first; zero when not retrying.
    pub delay: Duration,
    /// What to do before (or instead of) repeating it.
    pub action: Action,
}

/// No delay exceeds 2^31 - 1 ms (about 24.8 days), in every binding of the
/// catalog.
const MAX_DELAY_MS: u64 = (1 << 31) - 1;

/// A delay read from a header is at most a day (the largest `max_delay`), in
/// seconds.
pub(crate) const MAX_HEADER_DELAY_S: u64 = 86_400;

/// Decides whether to retry after the attempt number `attempt` (1 for the
/// first request; 0 counts as 1) failed with `entry`. `retry_after` is the
/// delay in seconds that the policy's delay header asks for, when the
/// response carried it.
///
/// Only [`Retry::Always`] and [`Retry::AfterAction`] retry, and only while
/// `attempt` is below `max_attempts`. The delay is the header's (at most a
/// day) when the policy names a header and the response carried it, else
/// the policy's delay grown by the backoff; then capped at `max_delay` and at
/// 2^31 - 1 ms.
pub fn decide(entry: &Entry, attempt: u32, retry_after: Option<u64>) -> Decision {
    decide_by(entry.policy, attempt, retry_after)
}

/// [`decide`] by the policy `p`: the one that a condition hands the decision
/// to, say.
pub(crate) fn decide_by(p: &Policy, attempt: u32, retry_after: Option<u64>) -> Decision {
    let mut decision = Decision {
        retry: false,
        delay: Duration::ZERO,
        action: p.action,
    };
    let attempt = attempt.max(1);
    let automatic = matches!(p.retry, Retry::Always | Retry::AfterAction);
    if !automatic || matches!(p.max_attempts, Some(max) if attempt >= max) {
        return decision;
    }
    let delay = millis(p.delay);
    let mut ms = match (p.delay_header, retry_after) {
        (Some(_), Some(seconds)) => seconds.min(MAX_HEADER_DELAY_S) * 1000,
        _ => match p.backoff {
            Backoff::None => delay,
            Backoff::Linear => delay.saturating_mul(u64::from(attempt)),
            Backoff::Exponential => {
                let factor = 1u64.checked_shl(attempt - 1).unwrap_or(u64::MAX);
                delay.saturating_mul(factor)
            }
        },
    };
    if let Some(max) = p.max_delay {
        ms = ms.min(millis(max));
    }
    decision.retry = true;
    decision.delay = Duration::from_millis(ms.min(MAX_DELAY_MS));
    decision
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// Returns the message of `entry` with each placeholder `${name}` replaced by
/// `args[i]`, where `entry.params[i]` is `name`. A placeholder without an
/// argument stays as written; `$$` is a literal `$`. A fallback's first
/// parameter is `code`, the code that the domain does not list.
pub fn format(entry: &Entry, args: &[&str]) -> String {
    format_with(entry, |name, out| {
        let value = argument(entry.params, args, name);
        out.push_str(value.unwrap_or_default());
        value.is_some()
    })
}

/// The message of `entry` with each placeholder filled by `put`, which
/// appends the value of the placeholder it is given the name of to the
/// output, or returns false to leave it as written.
pub(crate) fn format_with(entry: &Entry, mut put: impl FnMut(&str, &mut String) -> bool) -> String {
    let message = entry.message;
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(tail) = after.strip_prefix('$') {
            out.push('$');
            rest = tail;
        } else if let Some(tail) = after.strip_prefix('{') {
            let name = match placeholder(tail) {
                Some(name) => name,
                None => {
                    // Not a placeholder: the rest stays as written.
                    out.push_str(&rest[i..]);
                    return out;
                }
            };
            if !put(name, &mut out) {
                out.push_str(&rest[i..i + name.len() + 3]);
            }
            rest = &tail[name.len() + 1..];
        } else {
            out.push('$');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The name of the placeholder that `s` starts with (after its `${`): an
/// identifier followed by `}`.
fn placeholder(s: &str) -> Option<&str> {
    let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    let name = &s[..end];
    let starts_well = matches!(name.bytes().next(), Some(b) if !b.is_ascii_digit());
    (starts_well && s[end..].starts_with('}')).then_some(name)
}

/// The argument of the parameter `name`.
fn argument<'a>(params: &[&str], args: &[&'a str], name: &str) -> Option<&'a str> {
    let (_, arg) = params.iter().zip(args).find(|(p, _)| **p == name)?;
    Some(arg)
}
