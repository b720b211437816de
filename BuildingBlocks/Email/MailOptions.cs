namespace Emergency.BuildingBlocks.Email;

public enum SmtpSecurity
{
    /// <summary>Plain SMTP (a relay on the local network or loopback).</summary>
    None,

    /// <summary>STARTTLS after connecting (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,

    /// <summary>Let MailKit decide from the port and what the server offers.</summary>
    Auto,
}

/// <summary>How to reach an SMTP server. With no host, mail is written as .eml files instead.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "noreply@yingji.local";

    public string FromName { get; set; } = "应急管理平台";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Configuration section "Mail".</summary>
public sealed class MailOptions
{
    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Folder for .eml files when no SMTP server is configured (relative to the data root).</summary>
    public string PickupDirectory { get; set; } = "mail";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    public int MaxAttempts { get; set; } = 8;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(2);

    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal TimeSpan Backoff(int attempts)
    {
        var delay = RetryBaseDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        return delay > RetryMaxDelay ? RetryMaxDelay : delay;
    }
}

/// <summary>
/// The SMTP settings that apply to a county. The default reads configuration section "Mail:Smtp";
/// county configuration replaces it with each county's own server.
/// </summary>
public interface ISmtpSettingsProvider
{
    Task<SmtpSettings> ForCountyAsync(string county, CancellationToken cancellationToken);
}
