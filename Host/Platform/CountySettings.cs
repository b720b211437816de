using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Emergency.BuildingBlocks.Email;
using Emergency.BuildingBlocks.Hosting;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Host.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Emergency.Host.Platform;

/// <summary>
/// Reads the current county's settings: the county's stored value where it changed one, the
/// documented default otherwise. A county's values are read once per scope (a request, a job run) and kept
/// between requests until a store is written (<see cref="PageCaches"/>).
/// </summary>
internal sealed class CountySettings(PlatformDbContext db, ICountyContext county, SettingSecrets secrets, PageCaches caches) : ICountySettings
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> loaded = [];

    public Task<int> GetAsync(IntSetting setting, CancellationToken cancellationToken = default) =>
        GetAsync(setting, county.Required, cancellationToken);

    public async Task<int> GetAsync(IntSetting setting, string county, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return setting.Parse(await GetTextAsync(county, setting, cancellationToken));
    }

    public Task<string> GetAsync(TextSetting setting, CancellationToken cancellationToken = default) =>
        GetTextAsync(county.Required, setting, cancellationToken);

    public Task<string> GetAsync(TextSetting setting, string county, CancellationToken cancellationToken = default) =>
        GetTextAsync(county, setting, cancellationToken);

    public Task<string> GetAsync(ChoiceSetting setting, CancellationToken cancellationToken = default) =>
        GetTextAsync(county.Required, setting, cancellationToken);

    public Task<string> GetAsync(ChoiceSetting setting, string county, CancellationToken cancellationToken = default) =>
        GetTextAsync(county, setting, cancellationToken);

    private async Task<string> GetTextAsync(string county, SettingDefinition setting, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(county);
        ArgumentNullException.ThrowIfNull(setting);
        if (!loaded.TryGetValue(county, out var values))
        {
            values = await caches.Settings.GetAsync(county, async ct => await db.CountySettings.AsNoTracking()
                .Where(s => s.CountyCode == county)
                .ToDictionaryAsync(s => s.Key, s => s.Value, StringComparer.Ordinal, ct), cancellationToken);
            loaded[county] = values;
        }

        return SettingValues.Effective(setting, values.GetValueOrDefault(setting.Key), secrets);
    }
}

/// <summary>Turns a stored value into the value in force, and every setting the county settings page shows.</summary>
internal static class SettingValues
{
    /// <summary>The stored value when it is still acceptable (a definition's bounds may have changed since), the default otherwise.</summary>
    public static string Effective(SettingDefinition setting, string? stored, SettingSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (stored is null)
        {
            return setting.DefaultText;
        }

        var value = setting.Secret ? secrets.Unprotect(stored) : stored;
        return setting switch
        {
            IntSetting number => number.Parse(value).ToString(CultureInfo.InvariantCulture),
            _ => setting.Validate(value) is null ? value : setting.DefaultText,
        };
    }

    /// <summary>Every module's own settings (in the modules' order) and then the platform's, each key once.</summary>
    public static IReadOnlyList<SettingDefinition> All(ModuleCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Modules.SelectMany(m => m.Settings)
            .Concat(CountySettingKeys.All)
            .DistinctBy(s => s.Key)
            .ToList();
    }
}

/// <summary>
/// Secret settings (the SMTP password) are stored encrypted with the deployment's data-protection
/// keys: neither the platform database nor the audit log's change summary holds them in clear.
/// </summary>
internal sealed class SettingSecrets(IDataProtectionProvider provider)
{
    private const string Prefix = "protected:";
    private readonly IDataProtector protector = provider.CreateProtector("Emergency.Host.CountySettings.Secret");

    public string Protect(string value) => Prefix + protector.Protect(value);

    /// <summary>The clear value; empty when it cannot be read back (the keys were lost).</summary>
    public string Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        try
        {
            return protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException)
        {
            return "";
        }
    }
}

/// <summary>
/// The SMTP server of a county: the county's own when its admin set a host on the settings page,
/// the configured "Mail:Smtp" otherwise. Kept in memory a few seconds (asked for every mail).
/// </summary>
internal sealed class CountySmtpSettings(StoreOptionsFactory options, IOptions<MailOptions> mail, SettingSecrets secrets, TimeProvider clock)
    : ISmtpSettingsProvider
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (DateTimeOffset LoadedAt, SmtpSettings Settings)> cache = new(StringComparer.Ordinal);

    public async Task<SmtpSettings> ForCountyAsync(string county, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(county))
        {
            return mail.Value.Smtp;
        }

        if (cache.TryGetValue(county, out var cached) && clock.GetUtcNow() - cached.LoadedAt < Freshness)
        {
            return cached.Settings;
        }

        Dictionary<string, string> stored;
        await using (var db = options.Open<PlatformDbContext>(StoreKey.Platform(PlatformDbContext.StoreName)))
        {
            stored = await db.CountySettings.AsNoTracking()
                .Where(s => s.CountyCode == county && s.Key.StartsWith("mail."))
                .ToDictionaryAsync(s => s.Key, s => s.Value, StringComparer.Ordinal, cancellationToken);
        }

        var settings = Build(stored);
        cache[county] = (clock.GetUtcNow(), settings);
        return settings;
    }

    /// <summary>Forget a county's cached server after its settings changed.</summary>
    public void Invalidate(string county) => cache.TryRemove(county, out _);

    private SmtpSettings Build(Dictionary<string, string> stored)
    {
        string Value(SettingDefinition setting) => SettingValues.Effective(setting, stored.GetValueOrDefault(setting.Key), secrets);

        var configured = mail.Value.Smtp;
        var host = Value(CountySettingKeys.SmtpHost);
        if (string.IsNullOrWhiteSpace(host))
        {
            return configured;
        }

        var userName = Value(CountySettingKeys.SmtpUserName);
        var password = Value(CountySettingKeys.SmtpPassword);
        var fromAddress = Value(CountySettingKeys.SmtpFromAddress);
        var fromName = Value(CountySettingKeys.SmtpFromName);
        return new SmtpSettings
        {
            Host = host.Trim(),
            Port = CountySettingKeys.SmtpPort.Parse(Value(CountySettingKeys.SmtpPort)),
            Security = Enum.TryParse<SmtpSecurity>(Value(CountySettingKeys.SmtpSecurity), out var security) ? security : SmtpSecurity.Auto,
            UserName = string.IsNullOrWhiteSpace(userName) ? null : userName,
            Password = string.IsNullOrEmpty(password) ? null : password,
            FromAddress = string.IsNullOrWhiteSpace(fromAddress) ? configured.FromAddress : fromAddress,
            FromName = string.IsNullOrWhiteSpace(fromName) ? configured.FromName : fromName,
        };
    }
}
