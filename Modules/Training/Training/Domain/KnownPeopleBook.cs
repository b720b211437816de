using Emergency.BuildingBlocks.Tenancy;
using Emergency.Training.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Domain;

/// <summary>What a source module says of one of its people (a team member, a grid member).</summary>
internal sealed record PersonNews(string Source, int SourceId, string Name, string? IdCard, string? Mobile, UnitKind UnitKind, int UnitId, string Role, string Detail, bool Active);

/// <summary>
/// Keeps Training's read copy of the people other modules know (<see cref="KnownPerson"/>): one row per source
/// module and source id, overwritten by the latest news, so the same event handled twice changes nothing.
/// The unit's name and township come from the county's units.
/// </summary>
internal sealed class KnownPeopleBook(TrainingDbContext db, ICountyUnits units, ICountyContext county, TimeProvider clock)
{
    public const string TeamMember = "队员";

    public const string GridMember = "网格员";

    public static readonly string[] Roles = [TeamMember, GridMember];

    public async Task RecordAsync(PersonNews news, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(news);
        var person = await db.KnownPeople.SingleOrDefaultAsync(p => p.SourceModule == news.Source && p.SourceId == news.SourceId, cancellationToken);
        if (person is null)
        {
            person = new KnownPerson { SourceModule = news.Source, SourceId = news.SourceId };
            db.KnownPeople.Add(person);
        }

        var (name, township) = await UnitAsync(news.UnitKind, news.UnitId, cancellationToken);
        person.Name = Cut(news.Name, 50);
        person.IdCard = Cut((news.IdCard ?? "").Trim().ToUpperInvariant(), 18);
        person.Mobile = Cut(news.Mobile ?? "", 20);
        person.UnitKind = news.UnitKind;
        person.UnitId = news.UnitId;
        person.UnitName = Cut(name, 100);
        person.TownshipId = township;
        person.Role = news.Role;
        person.Detail = news.Detail.Trim().Length > 0 || person.Id == 0 ? Cut(news.Detail, 500) : person.Detail;
        person.Active = news.Active;
        person.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The key of the person's unit (village:3), as the unit filters use it.</summary>
    public static string UnitKey(KnownPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new UnitInfo(person.UnitKind, person.UnitId, person.UnitName).Key;
    }

    /// <summary>The team's owner unit: its village, else its township, else its department.</summary>
    public static (UnitKind Kind, int Id) TeamUnit(int? townshipId, int? villageId, int? departmentId) =>
        villageId is { } v ? (UnitKind.Village, v) : townshipId is { } t ? (UnitKind.Township, t) : (UnitKind.Department, departmentId ?? 0);

    private async Task<(string Name, int TownshipId)> UnitAsync(UnitKind kind, int id, CancellationToken cancellationToken)
    {
        var code = county.Required;
        var list = kind switch
        {
            UnitKind.Village => await units.VillagesAsync(code, cancellationToken),
            UnitKind.Township => await units.TownshipsAsync(code, cancellationToken),
            _ => await units.DepartmentsAsync(code, cancellationToken),
        };
        var unit = list.FirstOrDefault(u => u.Id == id);
        var township = kind switch
        {
            UnitKind.Village => unit?.ParentId ?? 0,
            UnitKind.Township => id,
            _ => 0,
        };
        return (unit?.Name ?? "", township);
    }

    private static string Cut(string value, int max)
    {
        var text = value.Trim();
        return text.Length > max ? text[..max] : text;
    }
}
