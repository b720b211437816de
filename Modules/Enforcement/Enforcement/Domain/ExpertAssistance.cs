using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.Enforcement.Contracts;
using Emergency.Enforcement.Data;

namespace Emergency.Enforcement.Domain;

/// <summary>What the officer asks the expert pool for (执法+专家).</summary>
internal sealed record ExpertAsk(string? Fields, int? Count, DateTime? StartsAtLocal, string? Location, string? Reason);

/// <summary>
/// 执法+专家: an inspection's unit asks the expert pool (Experts) for experts of one or more fields. The request is kept
/// here and published as <see cref="ExpertAssistanceRequested"/> in the same commit; Experts turns it into a dispatch and
/// each expert's answer comes back (<c>ExpertAssistanceAnswered</c>) as an <see cref="ExpertHelper"/>. The officer then
/// records that an expert who accepted took part (参与), published as <see cref="ExpertParticipationRecorded"/>, which the
/// pool counts on the expert's record. A refusal writes nothing.
/// </summary>
internal sealed class ExpertAssistance(EnforcementDbContext db, ICountySettings settings, TimeProvider clock)
{
    public const int MaxFields = 5;

    public async Task<(ExpertRequest? Request, List<Problem> Problems)> RequestAsync(Inspection inspection, ExpertAsk ask, string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(ask);
        var problems = new List<Problem>();
        var now = clock.GetUtcNow().UtcDateTime;
        var fields = (ask.Fields ?? "").Split(['；', ';', '、', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (fields.Count == 0)
        {
            problems.Add(new("Expert.Fields", "请填写所需专家领域（如 危险化学品）"));
        }
        else if (fields.Count > MaxFields || fields.Any(f => f.Length > 50) || string.Join("；", fields).Length > 500)
        {
            problems.Add(new("Expert.Fields", $"所需领域最多 {MaxFields} 个，每个不超过 50 个字"));
        }

        var max = await settings.GetAsync(EnforcementModule.ExpertsPerRequest, cancellationToken);
        if (ask.Count is not { } count || count < 1)
        {
            problems.Add(new("Expert.Count", "请填写所需专家人数（至少 1 名）"));
        }
        else if (count > max)
        {
            problems.Add(new("Expert.Count", $"每次请求专家不超过 {max} 名"));
        }

        if (ask.StartsAtLocal is not { } starts)
        {
            problems.Add(new("Expert.StartsAt", "请填写需要专家到场的时间"));
        }
        else if (ChinaTime.ToUtc(starts) <= now)
        {
            problems.Add(new("Expert.StartsAt", "到场时间必须晚于当前时间"));
        }

        var location = ask.Location?.Trim() ?? "";
        if (location.Length == 0)
        {
            problems.Add(new("Expert.Location", "请填写地点"));
        }
        else if (location.Length > 200)
        {
            problems.Add(new("Expert.Location", "地点不能超过 200 个字"));
        }

        var reason = ask.Reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            problems.Add(new("Expert.Reason", "请填写请求专家协助的理由"));
        }
        else if (reason.Length > 2000)
        {
            problems.Add(new("Expert.Reason", "理由不能超过 2000 个字"));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var request = new ExpertRequest
        {
            InspectionId = inspection.Id,
            TownshipId = inspection.TownshipId,
            UnitName = inspection.UnitName,
            Fields = string.Join("；", fields),
            Count = ask.Count!.Value,
            StartsAtUtc = ChinaTime.ToUtc(ask.StartsAtLocal!.Value),
            Location = location,
            Reason = reason,
            RequestedBy = userName,
            RequestedAtUtc = now,
        };
        db.ExpertRequests.Add(request);
        db.PublishAfterSave(() => new ExpertAssistanceRequested
        {
            OccurredAtUtc = now,
            RequestId = request.Id,
            InspectionId = inspection.Id,
            TownshipId = inspection.TownshipId,
            UnitName = inspection.UnitName,
            TargetName = inspection.TargetName,
            Fields = fields,
            Count = request.Count,
            StartsAtUtc = request.StartsAtUtc,
            Location = location,
            Reason = reason,
            RequestedBy = userName,
        });
        await db.SaveChangesAsync(cancellationToken);
        return (request, []);
    }

    /// <summary>参与: an expert who accepted took part in the inspection on <paramref name="date"/>; recorded once.</summary>
    public async Task<List<Problem>> RecordParticipationAsync(Inspection inspection, ExpertRequest request, ExpertHelper helper, DateOnly? date, string? note, string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(helper);
        var problems = new List<Problem>();
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        note = note?.Trim() ?? "";
        if (!helper.Accepted)
        {
            problems.Add(new("Participation.HelperId", $"{helper.ExpertName} 已谢绝调用，不能登记参与"));
        }
        else if (helper.ParticipatedOn is not null)
        {
            problems.Add(new("Participation.HelperId", $"已登记 {helper.ExpertName} 的参与，不能重复登记"));
        }

        if (date is not { } day)
        {
            problems.Add(new("Participation.Date", "请填写专家参与的日期"));
        }
        else if (day > today)
        {
            problems.Add(new("Participation.Date", "参与日期不能晚于今天"));
        }
        else if (day < DateOnly.FromDateTime(ChinaTime.FromUtc(request.RequestedAtUtc)))
        {
            problems.Add(new("Participation.Date", "参与日期不能早于请求专家协助的日期"));
        }

        if (note.Length > 1000)
        {
            problems.Add(new("Participation.Note", "参与情况不能超过 1000 个字"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        helper.ParticipatedOn = date;
        helper.ParticipationNote = note;
        helper.RecordedBy = userName;
        db.Publish(new ExpertParticipationRecorded
        {
            OccurredAtUtc = clock.GetUtcNow().UtcDateTime,
            RequestId = request.Id,
            InspectionId = inspection.Id,
            ExpertId = helper.ExpertId,
            ExpertName = helper.ExpertName,
            Date = date!.Value,
            TargetName = inspection.TargetName,
            Note = note,
        });
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
