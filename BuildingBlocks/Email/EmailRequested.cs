using Emergency.BuildingBlocks.Events;

namespace Emergency.BuildingBlocks.Email;

/// <summary>
/// A module asks for an email by publishing this into its own outbox, in the same commit as the
/// state change (and the reminder key) that caused it. The platform's mail store takes it from
/// there: queues it once, sends it, retries transient failures and marks permanent ones.
/// </summary>
public sealed record EmailRequested : IntegrationEvent
{
    public required string To { get; init; }

    public string? ToName { get; init; }

    public required string Subject { get; init; }

    public required string TextBody { get; init; }

    public string? HtmlBody { get; init; }

    /// <summary>One text attachment (a calendar invitation), or null.</summary>
    public MailAttachment? Attachment { get; init; }

    /// <summary>Which module asked, for the admin's mail list.</summary>
    public string Source { get; init; } = "";
}

/// <summary>
/// A small text attachment carried with a mail (e.g. an <c>.ics</c> calendar invitation): its file name,
/// its MIME type (e.g. <c>text/calendar; method=REQUEST; charset=utf-8</c>) and its text, sent as UTF-8.
/// </summary>
public sealed record MailAttachment(string FileName, string ContentType, string Content);
