using System.Globalization;
using System.Security.Cryptography;
using Emergency.BuildingBlocks.Access;
using Microsoft.AspNetCore.DataProtection;

namespace Emergency.Training.Domain;

/// <summary>
/// The signed link of a user's calendar feed (<c>/training/Feed?t=…</c>), read by a phone or desktop calendar without
/// signing in. Like the experts' answer links, the token is protected (encrypted and signed) with ASP.NET Data
/// Protection; it carries the county, the user and the user's calendar scope when the link was made, so a tampered
/// token is refused and no one can widen their own view. It also carries the user's feed stamp (<see cref="FeedStamps"/>)
/// when it was made: after the user resets the link (重置订阅链接) the stamp moves on and the old link is refused.
/// A link made before stamps existed reads as stamp 0 (a user who never reset).
/// </summary>
internal sealed class FeedLinks(IDataProtectionProvider protection)
{
    public const string Purpose = "training.calendar-feed";

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    public string Create(string county, string userName, CalendarScope scope, int stamp)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var payload = string.Join('|',
            county,
            userName,
            scope.WholeCounty ? "1" : "0",
            ((int)scope.Level).ToString(CultureInfo.InvariantCulture),
            Number(scope.TownshipId),
            Number(scope.VillageId),
            Number(scope.DepartmentId),
            stamp.ToString(CultureInfo.InvariantCulture));
        return protector.Protect(payload);
    }

    /// <summary>Reads a token; null when it is malformed or was tampered with.</summary>
    public Payload? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        string text;
        try
        {
            text = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = text.Split('|');
        if (parts.Length is not (7 or 8) || parts[0].Length is 0 or > 12 || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var level) || !Enum.IsDefined((UserScope)level))
        {
            return null;
        }

        var stamp = 0;
        if (parts.Length == 8 && !int.TryParse(parts[7], NumberStyles.None, CultureInfo.InvariantCulture, out stamp))
        {
            return null;
        }

        return new Payload(parts[0], parts[1], new CalendarScope(parts[2] == "1", (UserScope)level, Parse(parts[4]), Parse(parts[5]), Parse(parts[6])), stamp);
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static int? Parse(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    internal sealed record Payload(string County, string UserName, CalendarScope Scope, int Stamp);
}
