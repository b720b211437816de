using Emergency.BuildingBlocks.Files;
using Emergency.BuildingBlocks.Settings;
using Emergency.Readiness.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Readiness.Domain;

/// <summary>The upload form of a document.</summary>
internal sealed record DocumentInput(string Kind, string Title, DateOnly? Date);

/// <summary>
/// Documents a township or village keeps here (the five mechanisms, the 十个一 kept as files, village rules), each with
/// its date; the file is checked by content (PDF, .docx, JPEG/PNG) and size, and kept under the county's files folder.
/// Also the village organisation (领导小组, 服务站).
/// </summary>
internal sealed class Documents(ReadinessDbContext db, IModuleFiles files, ICountySettings settings, Scorer scorer, TimeProvider clock)
{
    public async Task<IReadOnlyList<Problem>> UploadAsync(string county, UnitLevel level, int unitId, int township, DocumentInput input, IFormFile? file, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<Problem>();
        if (DocumentKinds.For(level).All(k => k.Code != input.Kind))
        {
            problems.Add(new("Kind", "请选择文件类别"));
        }

        if (input.Date is null)
        {
            problems.Add(new("Date", "请填写文件日期"));
        }

        var max = await settings.GetAsync(ReadinessModule.FileMaxMegabytes, cancellationToken);
        (string Extension, string ContentType)? kind = null;
        if (file is null || file.Length == 0)
        {
            problems.Add(new("Upload", "请选择文件（PDF、Word .docx 或图片）"));
        }
        else if (file.Length > max * 1024L * 1024L)
        {
            problems.Add(new("Upload", $"文件不能超过 {max} MB"));
        }
        else if ((kind = await DocumentKind.DetectDocumentOrPhotoAsync(file, cancellationToken)) is null)
        {
            problems.Add(new("Upload", "文件须为 PDF、Word（.docx）或 JPEG、PNG、WebP 图片"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        string name;
        await using (var stream = file!.OpenReadStream())
        {
            name = await files.SaveAsync(county, ReadinessModule.ModuleName, stream, kind!.Value.Extension, cancellationToken);
        }

        db.Documents.Add(new OrgDocument
        {
            Level = (int)level,
            UnitId = unitId,
            TownshipId = township,
            Kind = input.Kind,
            Title = Offices.Cut(string.IsNullOrWhiteSpace(input.Title) ? DocumentKinds.Name(input.Kind) : input.Title, 200),
            Date = input.Date!.Value,
            FileName = name,
            ContentType = kind.Value.ContentType,
            OriginalName = Offices.Cut(Path.GetFileName(file.FileName), 200),
            UploadedBy = by,
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        await scorer.ScoreAsync([township], cancellationToken);
        return [];
    }

    /// <summary>Saves a village's 领导小组 and 服务站.</summary>
    public async Task SaveVillageAsync(int village, int township, string leader, string members, string station, string facilities, string by, CancellationToken cancellationToken)
    {
        var org = await db.Villages.FirstOrDefaultAsync(v => v.VillageId == village, cancellationToken);
        if (org is null)
        {
            org = new VillageOrg { VillageId = village };
            db.Villages.Add(org);
        }

        org.TownshipId = township;
        org.GroupLeader = Offices.Cut(leader, 50);
        org.GroupMembers = Offices.Cut(members, 1000);
        org.Station = Offices.Cut(station, 200);
        org.StationFacilities = Offices.Cut(facilities, 1000);
        org.UpdatedBy = by;
        org.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await scorer.ScoreAsync([township], cancellationToken);
    }
}
