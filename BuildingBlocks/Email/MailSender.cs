using Emergency.BuildingBlocks.Email.Data;
using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Emergency.BuildingBlocks.Email;

/// <summary>
/// Sends queued mail: woken when a message is queued, and polling for retries that fall due.
/// Transient failures back off exponentially; permanent ones are marked failed and shown to admins.
/// </summary>
internal sealed partial class MailSender(
    StoreCatalog stores,
    ISmtpSettingsProvider smtpSettings,
    MailSignal signal,
    TimeProvider clock,
    IOptions<MailOptions> options,
    IStoreProvider provider,
    ILogger<MailSender> logger) : BackgroundService
{
    private readonly MailOptions settings = options.Value;
    private const int BatchSize = 50;

    private readonly SemaphoreSlim gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, ex);
            }

            try
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task SendDueAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            // One SMTP session for the whole sweep, and batch after batch until nothing is due: a burst of
            // reminders goes out at the server's pace, not 50 per poll interval.
            await using var transport = new MailTransport(PickupDirectory(), settings.SendTimeout);
            while (true)
            {
                await using var mail = (MailDbContext)stores.Open(StoreKey.Platform(MailDbContext.StoreName));
                var now = clock.GetUtcNow().UtcDateTime;
                var due = await mail.Messages
                    .Where(m => m.Status == MailStatus.Pending && (m.NextAttemptAtUtc == null || m.NextAttemptAtUtc <= now))
                    .OrderBy(m => m.CreatedAtUtc)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
                foreach (var message in due)
                {
                    var smtp = await smtpSettings.ForCountyAsync(message.County, cancellationToken);
                    var result = await transport.SendAsync(ToMime(message, smtp), smtp, cancellationToken);
                    Apply(message, result, clock.GetUtcNow().UtcDateTime);
                    // Once the server has the message, record it even while the host is stopping: a send left
                    // unrecorded would go out again after the restart.
                    await mail.SaveChangesAsync(CancellationToken.None);
                }

                // A short batch is the last; a message failing again and again waits for its backoff, so the
                // loop ends even when the server refuses everything.
                if (due.Count < BatchSize || due.All(m => m.Status == MailStatus.Pending))
                {
                    return;
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private string PickupDirectory()
    {
        if (Path.IsPathRooted(settings.PickupDirectory))
        {
            return settings.PickupDirectory;
        }

        var root = Path.GetDirectoryName(provider.Describe(StoreKey.Platform(MailDbContext.StoreName)))!;
        return Path.Combine(root, settings.PickupDirectory);
    }

    private void Apply(MailMessage message, SendResult result, DateTime now)
    {
        message.Attempts++;
        message.Transport = result.Transport;
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                message.Status = MailStatus.Sent;
                message.SentAtUtc = now;
                message.NextAttemptAtUtc = null;
                message.LastError = null;
                break;
            case SendOutcome.Permanent:
                message.Status = MailStatus.Failed;
                message.LastError = result.Error;
                LogPermanent(logger, message.Id, message.To, result.Error);
                break;
            default:
                message.LastError = result.Error;
                if (message.Attempts >= settings.MaxAttempts)
                {
                    message.Status = MailStatus.Failed;
                    LogPermanent(logger, message.Id, message.To, result.Error);
                }
                else
                {
                    message.NextAttemptAtUtc = now + settings.Backoff(message.Attempts);
                    LogTransient(logger, message.Id, message.Attempts, result.Error);
                }

                break;
        }
    }

    private static MimeMessage ToMime(MailMessage message, SmtpSettings smtp)
    {
        var mime = new MimeMessage { MessageId = $"{message.Id:N}@yingji.local", Subject = message.Subject };
        mime.From.Add(new MailboxAddress(smtp.FromName, smtp.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.To));
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        if (message.AttachmentName is { } name && message.AttachmentContent is { } content)
        {
            body.Attachments.Add(name, System.Text.Encoding.UTF8.GetBytes(content), ContentType.Parse(message.AttachmentContentType ?? "application/octet-stream"));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    [LoggerMessage(LogLevel.Error, "Mail sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception ex);

    [LoggerMessage(LogLevel.Warning, "Mail {Id} failed (attempt {Attempts}): {Error}; will retry")]
    private static partial void LogTransient(ILogger logger, Guid id, int attempts, string? error);

    [LoggerMessage(LogLevel.Error, "Mail {Id} to {To} failed permanently: {Error}")]
    private static partial void LogPermanent(ILogger logger, Guid id, string to, string? error);
}

internal sealed class ConfiguredSmtpSettings(IOptions<MailOptions> options) : ISmtpSettingsProvider
{
    public Task<SmtpSettings> ForCountyAsync(string county, CancellationToken cancellationToken) => Task.FromResult(options.Value.Smtp);
}
