using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Training.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Domain;

/// <summary>A certificate as entered (by hand or prefilled from an attendee).</summary>
internal sealed record CertificateDraft(CertificateKind Kind, string? Number, string? HolderName, string? IdCard, UnitInfo? Unit, DateOnly? IssuedOn, DateOnly? ExpiresOn, int? InviteeId);

/// <summary>A person whose latest assessment on a closed session was failed (未取得资格, seed 001: 不合格者不得上岗).</summary>
internal sealed record NotQualified(string Name, string IdCard, string UnitName, string SessionTitle, DateTime SessionStartsAtUtc);

/// <summary>
/// The rules of certificates: a number unique per kind in the county, the expiry after the issue date, an issue from a
/// session only for a present and passed attendee of a closed session; and who is 未取得资格: a person whose latest
/// assessed attendance (closed sessions, by ID card, else by name and unit) was a fail, until a later pass.
/// </summary>
internal sealed class Certificates(TrainingDbContext db, TimeProvider clock)
{
    public async Task<(Certificate? Issued, List<Problem> Problems)> IssueAsync(CertificateDraft draft, string issuedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<Problem>();
        var number = draft.Number?.Trim() ?? "";
        var idCard = draft.IdCard?.Trim().ToUpperInvariant() ?? "";
        var personProblems = People.Problems(draft.HolderName, draft.Unit?.Name ?? "-", null, null, idCard);
        problems.AddRange(personProblems.Select(p => new Problem(p.Contains("身份证", StringComparison.Ordinal) ? "Input.IdCard" : "Input.HolderName", p)));
        if (number.Length == 0)
        {
            problems.Add(new("Input.Number", "请填写证书编号"));
        }
        else if (number.Length > 50)
        {
            problems.Add(new("Input.Number", "证书编号不能超过 50 个字"));
        }
        else if (await db.Certificates.AnyAsync(c => c.Kind == draft.Kind && c.Number == number, cancellationToken))
        {
            problems.Add(new("Input.Number", "该类证书编号已存在"));
        }

        if (draft.Unit is null)
        {
            problems.Add(new("Input.UnitKey", "请选择持证人所在单位"));
        }

        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        if (draft.IssuedOn is not { } issued)
        {
            problems.Add(new("Input.IssuedOn", "请填写发证日期"));
        }
        else if (issued > today)
        {
            problems.Add(new("Input.IssuedOn", "发证日期不能晚于今天"));
        }
        else if (draft.ExpiresOn is { } expires && expires <= issued)
        {
            problems.Add(new("Input.ExpiresOn", "有效期至必须晚于发证日期"));
        }

        Invitee? attendee = null;
        int? sessionId = null;
        if (draft.InviteeId is { } inviteeId)
        {
            attendee = await db.Invitees.SingleOrDefaultAsync(i => i.Id == inviteeId, cancellationToken);
            var session = attendee is null ? null : await db.Sessions.SingleAsync(s => s.Id == attendee.SessionId, cancellationToken);
            if (attendee is null || session is null || session.Status != SessionStatus.Closed || attendee.Attendance != Attendance.Present || !attendee.Passed)
            {
                problems.Add(new("", "只能为已结束培训中考核合格的人员发证"));
            }
            else
            {
                sessionId = session.Id;
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var unit = draft.Unit!;
        var certificate = new Certificate
        {
            Kind = draft.Kind,
            Number = number,
            HolderName = draft.HolderName!.Trim(),
            IdCard = idCard,
            UnitKind = unit.Kind,
            UnitId = unit.Id,
            UnitName = unit.Name,
            TownshipId = unit.Kind switch { UnitKind.Township => unit.Id, UnitKind.Village => unit.ParentId ?? 0, _ => 0 },
            IssuedOn = draft.IssuedOn!.Value,
            ExpiresOn = draft.ExpiresOn,
            SessionId = sessionId,
            InviteeId = attendee?.Id,
            IssuedBy = issuedBy,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(cancellationToken);
        return (certificate, []);
    }

    /// <summary>The people whose latest assessment on a closed session (by ID card, else name and unit) is a fail.</summary>
    public async Task<IReadOnlyList<NotQualified>> NotQualifiedAsync(CancellationToken cancellationToken)
    {
        var rows = await (
                from i in db.Invitees.AsNoTracking()
                join s in db.Sessions.AsNoTracking() on i.SessionId equals s.Id
                where s.Status == SessionStatus.Closed && i.Attendance == Attendance.Present
                select new { i.Name, i.IdCard, i.UnitName, i.Passed, s.Title, s.StartsAtUtc, s.Id })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => r.IdCard.Length > 0 ? "id:" + r.IdCard : "name:" + r.Name + "|" + r.UnitName)
            .Select(g => g.OrderBy(r => r.StartsAtUtc).ThenBy(r => r.Id).Last())
            .Where(r => !r.Passed)
            .Select(r => new NotQualified(r.Name, r.IdCard, r.UnitName, r.Title, r.StartsAtUtc))
            .OrderBy(r => r.UnitName).ThenBy(r => r.Name)
            .ToList();
    }
}
