using Emergency.BuildingBlocks.Email.Data;
using Emergency.BuildingBlocks.Events;
using MimeKit;

namespace Emergency.BuildingBlocks.Email;

/// <summary>Queues a requested email in the mail store; a malformed address fails it at once.</summary>
internal sealed class EmailRequestedHandler(MailDbContext mail, MailSignal signal) : IIntegrationEventHandler<EmailRequested>
{
    public Task HandleAsync(EmailRequested integrationEvent, CancellationToken cancellationToken)
    {
        var valid = MailboxAddress.TryParse(integrationEvent.To, out var address) && address.Address.Contains('@', StringComparison.Ordinal);
        mail.Messages.Add(new MailMessage
        {
            Id = integrationEvent.Id,
            County = integrationEvent.County,
            Source = integrationEvent.Source,
            To = integrationEvent.To,
            ToName = integrationEvent.ToName,
            Subject = integrationEvent.Subject,
            TextBody = integrationEvent.TextBody,
            HtmlBody = integrationEvent.HtmlBody,
            AttachmentName = integrationEvent.Attachment?.FileName,
            AttachmentContentType = integrationEvent.Attachment?.ContentType,
            AttachmentContent = integrationEvent.Attachment?.Content,
            CreatedAtUtc = integrationEvent.OccurredAtUtc,
            Status = valid ? MailStatus.Pending : MailStatus.Failed,
            LastError = valid ? null : "收件人地址格式不正确",
        });
        signal.Wake(true);
        return Task.CompletedTask;
    }
}

/// <summary>Wakes the mail sender when a message is queued.</summary>
internal sealed class MailSignal : Persistence.WakeSignal<bool>;
