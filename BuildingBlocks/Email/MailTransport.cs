using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Emergency.BuildingBlocks.Email;

/// <summary>The result of one attempt to send a message.</summary>
internal enum SendOutcome
{
    Sent,
    Transient,
    Permanent,
}

internal sealed record SendResult(SendOutcome Outcome, string Transport, string? Error = null);

/// <summary>Sends over SMTP with MailKit, or writes an .eml file when no SMTP server is configured.</summary>
internal sealed class MailTransport(string pickupDirectory, TimeSpan timeout) : IAsyncDisposable
{
    private SmtpClient? client;
    private (string? Host, int Port, SmtpSecurity Security, string? UserName, string? Password) connectedTo;

    /// <summary>
    /// Sends one message. The SMTP session stays open for the next message to the same server (one sweep sends
    /// many), and is dropped after a failure of the connection itself, so the next message connects afresh.
    /// </summary>
    public async Task<SendResult> SendAsync(MimeMessage message, SmtpSettings smtp, CancellationToken cancellationToken)
    {
        if (!smtp.IsConfigured)
        {
            Directory.CreateDirectory(pickupDirectory);
            var file = Path.Combine(pickupDirectory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{message.MessageId}.eml");
            await message.WriteToAsync(file, cancellationToken);
            return new SendResult(SendOutcome.Sent, "pickup");
        }

        try
        {
            var session = await ConnectedAsync(smtp, cancellationToken);
            await session.SendAsync(message, cancellationToken);
            return new SendResult(SendOutcome.Sent, "smtp");
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            // 5xx: the server refused this message or recipient for good (e.g. 550 no such mailbox).
            return new SendResult(SendOutcome.Permanent, "smtp", $"{(int)ex.StatusCode} {ex.Message}");
        }
        catch (SmtpCommandException ex)
        {
            return new SendResult(SendOutcome.Transient, "smtp", $"{(int)ex.StatusCode} {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException
                                       or System.Net.Sockets.SocketException or TimeoutException
                                       or ServiceNotConnectedException or AuthenticationException or SslHandshakeException)
        {
            await DropAsync();
            return new SendResult(SendOutcome.Transient, "smtp", $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (client is { IsConnected: true } open)
        {
            try
            {
                await open.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or System.Net.Sockets.SocketException or ServiceNotConnectedException or TimeoutException)
            {
                // Every message sent in the session is already recorded; a failed QUIT changes nothing.
            }
        }

        await DropAsync();
    }

    private async Task<SmtpClient> ConnectedAsync(SmtpSettings smtp, CancellationToken cancellationToken)
    {
        var target = (smtp.Host, smtp.Port, smtp.Security, smtp.UserName, smtp.Password);
        if (client is { IsConnected: true } open && connectedTo == target)
        {
            return open;
        }

        await DropAsync();
        client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        connectedTo = target;
        await client.ConnectAsync(smtp.Host!, smtp.Port, Map(smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        return client;
    }

    private Task DropAsync()
    {
        client?.Dispose();
        client = null;
        return Task.CompletedTask;
    }

    private static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
