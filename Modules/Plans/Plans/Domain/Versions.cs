using Emergency.BuildingBlocks.Calendar;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Plans.Contracts;
using Emergency.Plans.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Plans.Domain;

/// <summary>A version's file as saved by the caller.</summary>
internal sealed record SavedFile(string Name, string ContentType, string OriginalName, long Size);

/// <summary>签发 as posted.</summary>
internal sealed record IssueInput(int? VersionId, string? Signer, DateOnly? IssuedOn, string? DocumentNumber);

/// <summary>
/// A plan's versions: each revision with its file, summary of changes and reason; issuing (签发: signer, date,
/// 文号) the newest version makes it the version in force, opens its filing (with the county emergency bureau
/// for a department or township plan, with the township for a village plan) due the set working days after the
/// signing date, and publishes <see cref="PlanIssued"/> — one SaveChanges.
/// </summary>
internal sealed class Versions(PlansDbContext db, PlansAccess access, ICountyUnits units, IWorkingDays workingDays, ICountySettings settings, TimeProvider clock)
{
    public static List<Problem> CheckText(string? summary, string? reason)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(summary))
        {
            problems.Add(new("Version.Summary", "请填写本版修订内容摘要（首版填写“首次编制”）"));
        }
        else if (summary.Trim().Length > 2000)
        {
            problems.Add(new("Version.Summary", "修订内容摘要不能超过 2000 个字"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add(new("Version.Reason", "请填写编制或修订原因"));
        }
        else if (reason.Trim().Length > 1000)
        {
            problems.Add(new("Version.Reason", "修订原因不能超过 1000 个字"));
        }

        return problems;
    }

    public static List<Problem> CheckAuthor(string? author) =>
        (author?.Trim().Length ?? 0) > 200 ? [new("Version.Author", "编制人不能超过 200 个字")] : [];

    public async Task<PlanVersion> AddAsync(Plan plan, SavedFile file, string summary, string reason, CancellationToken cancellationToken, string? author = null, bool major = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(file);
        var version = new PlanVersion
        {
            PlanId = plan.Id,
            Number = plan.Versions.Count == 0 ? 1 : plan.Versions.Max(v => v.Number) + 1,
            FileName = file.Name,
            ContentType = file.ContentType,
            OriginalName = file.OriginalName,
            Size = file.Size,
            Summary = summary.Trim(),
            Reason = reason.Trim(),
            Author = author?.Trim() ?? "",
            MajorRevision = major && plan.Versions.Count > 0,
            UploadedBy = access.UserName,
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        plan.Versions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    /// <summary>Issues the plan's newest version; the problems beside their fields when refused (nothing written).</summary>
    public async Task<IReadOnlyList<Problem>> IssueAsync(Plan plan, IssueInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<Problem>();
        var newest = plan.Versions.OrderByDescending(v => v.Number).FirstOrDefault();
        var version = plan.Versions.FirstOrDefault(v => v.Id == input.VersionId);
        if (version is null || newest is null)
        {
            return [new("", "请先上传预案文件")];
        }

        if (version.IssuedOn is not null)
        {
            return [new("", $"第 {version.Number} 版已签发")];
        }

        if (version.Id != newest.Id)
        {
            return [new("", "只能签发最新的版本")];
        }

        if (Reviews.NeedsReview(plan, version) && !await Reviews.PassedAsync(db, version.Id, cancellationToken))
        {
            return [new("", version.MajorRevision
                ? $"第 {version.Number} 版为重大修订，须重新评审并通过后才能签发"
                : $"第 {version.Number} 版尚未通过评审（论证），不能签发")];
        }

        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        var signer = input.Signer?.Trim() ?? "";
        if (signer.Length == 0)
        {
            problems.Add(new("Issue.Signer", "请填写签发人"));
        }
        else if (signer.Length > 50)
        {
            problems.Add(new("Issue.Signer", "签发人不能超过 50 个字"));
        }

        if (input.IssuedOn is not { } issuedOn)
        {
            problems.Add(new("Issue.IssuedOn", "请填写签发日期"));
        }
        else if (issuedOn > today)
        {
            problems.Add(new("Issue.IssuedOn", "签发日期不能晚于今天"));
        }
        else if (plan.Versions.Where(v => v.IssuedOn is not null).Any(v => v.IssuedOn > issuedOn))
        {
            problems.Add(new("Issue.IssuedOn", "签发日期不能早于上一版的签发日期"));
        }

        var number = input.DocumentNumber?.Trim() ?? "";
        if (number.Length == 0)
        {
            problems.Add(new("Issue.DocumentNumber", "请填写文号"));
        }
        else if (number.Length > 100)
        {
            problems.Add(new("Issue.DocumentNumber", "文号不能超过 100 个字"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var day = input.IssuedOn!.Value;
        var replaces = plan.CurrentVersionId is not null;
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        await Triggers.CloseOnIssueAsync(db, plan, version, access.UserName, nowUtc, cancellationToken);
        if (replaces)
        {
            // A new version of a higher plan: every plan directly below it is flagged for review.
            var source = $"higher:{plan.Id}:{version.Number}";
            foreach (var lower in await db.Plans.Where(p => p.HigherPlanId == plan.Id && p.Status != PlanStatus.Abolished).ToListAsync(cancellationToken))
            {
                Triggers.Raise(db, lower, TriggerKind.HigherChanged, $"{Triggers.HigherRevised}（{plan.Title} 第 {version.Number} 版）", source, access.UserName, nowUtc);
            }
        }

        version.Signer = signer;
        version.IssuedOn = day;
        version.DocumentNumber = number;
        version.IssuedAtUtc = clock.GetUtcNow().UtcDateTime;
        plan.CurrentVersionId = version.Id;
        plan.Status = PlanStatus.InForce;
        if (await ReceiverAsync(plan, cancellationToken) is { } receiver)
        {
            var due = await workingDays.AddWorkingDaysAsync(day, await settings.GetAsync(PlansModule.FilingDays, cancellationToken), cancellationToken);
            db.Filings.Add(new Filing
            {
                PlanId = plan.Id,
                VersionId = version.Id,
                ReceiverKind = receiver.Kind,
                ReceiverId = receiver.Id,
                ReceiverName = receiver.Name,
                IssuedOn = day,
                DueOn = due.Date,
                DueFallback = due.UsedFallback,
                State = FilingState.Awaiting,
            });
        }

        db.Publish(PlanEvents.Issued(plan, version));
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>
    /// Where the plan is filed: a village plan with its township, a department or township plan (enterprise plans
    /// included) with the county emergency bureau; none for the county government's own plans (filed upward,
    /// outside the platform) or a plan of the bureau itself.
    /// </summary>
    public async Task<UnitInfo?> ReceiverAsync(Plan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.OwnerLevel == OwnerLevel.Village)
        {
            return plan.TownshipId is { } t ? (await units.TownshipsAsync(access.County, cancellationToken)).FirstOrDefault(x => x.Id == t) : null;
        }

        if (plan.OwnerLevel == OwnerLevel.County)
        {
            return null;
        }

        var bureau = (await units.DepartmentsAsync(access.County, cancellationToken)).FirstOrDefault(d => d.IsEmergencyBureau);
        return bureau is null || (plan.OwnerLevel == OwnerLevel.Department && plan.DepartmentId == bureau.Id) ? null : bureau;
    }

    /// <summary>The plan with its versions, if the user may see it.</summary>
    public static Task<Plan?> FindAsync(IQueryable<Plan> visible, int id, CancellationToken cancellationToken) =>
        visible.Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
}
