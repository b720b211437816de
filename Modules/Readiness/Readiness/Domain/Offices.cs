using Emergency.Readiness.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Readiness.Domain;

/// <summary>A problem with a field of a form (empty field: the form as a whole).</summary>
internal sealed record Problem(string Field, string Message);

/// <summary>The office form: people and the staff lines (name, post).</summary>
internal sealed record OfficeInput(string LeaderInCharge, string FirstResponsible, string Facilities, string CommandLead, string MemberUnits, IReadOnlyList<(string Name, string Post)> Staff);

/// <summary>
/// A township's 应急管理办公室: recorded by the township (or the county manager) with its staff within the county's
/// limits (readiness.office-staff-min/max); the office director is set only with the county bureau's approval
/// (requested → approved), recorded with who and when.
/// </summary>
internal sealed class Offices(ReadinessDbContext db, Scorer scorer, TimeProvider clock)
{
    public Task<TownshipOffice?> FindAsync(int township, CancellationToken cancellationToken) =>
        db.Offices.Include(o => o.Staff).FirstOrDefaultAsync(o => o.TownshipId == township, cancellationToken);

    /// <summary>Saves the office and its staff, or refuses with messages beside the fields and writes nothing.</summary>
    public async Task<IReadOnlyList<Problem>> SaveAsync(int township, OfficeInput input, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var thresholds = await scorer.ThresholdsAsync(cancellationToken);
        var staff = input.Staff.Select(s => (Name: s.Name.Trim(), Post: s.Post.Trim())).Where(s => s.Name.Length > 0 || s.Post.Length > 0).ToList();
        var problems = new List<Problem>();
        if (staff.Count < thresholds.StaffMin || staff.Count > thresholds.StaffMax)
        {
            problems.Add(new("Staff", $"应急管理办公室人员应为 {thresholds.StaffMin}–{thresholds.StaffMax} 人，现填写 {staff.Count} 人"));
        }

        if (staff.Any(s => s.Name.Length == 0 || s.Post.Length == 0))
        {
            problems.Add(new("Staff", "每名工作人员须填写姓名和职务"));
        }

        if (staff.Any(s => s.Name.Length > 50 || s.Post.Length > 50))
        {
            problems.Add(new("Staff", "姓名和职务不超过 50 个字"));
        }

        if (input.LeaderInCharge.Trim().Length == 0)
        {
            problems.Add(new("LeaderInCharge", "请填写分管领导"));
        }

        if (input.FirstResponsible.Trim().Length == 0)
        {
            problems.Add(new("FirstResponsible", "请填写第一责任人"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var office = await FindAsync(township, cancellationToken);
        if (office is null)
        {
            office = new TownshipOffice { TownshipId = township };
            db.Offices.Add(office);
        }

        office.LeaderInCharge = Cut(input.LeaderInCharge, 50);
        office.FirstResponsible = Cut(input.FirstResponsible, 50);
        office.Facilities = Cut(input.Facilities, 1000);
        office.CommandLead = Cut(input.CommandLead, 50);
        office.MemberUnits = Cut(input.MemberUnits, 1000);
        office.UpdatedBy = by;
        office.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        db.Staff.RemoveRange(office.Staff);
        office.Staff.Clear();
        office.Staff.AddRange(staff.Select(s => new OfficeStaff { TownshipId = township, Name = s.Name, Post = s.Post }));
        await db.SaveChangesAsync(cancellationToken);
        await scorer.ScoreAsync([township], cancellationToken);
        return [];
    }

    /// <summary>Asks for a (new) office director: waits for the county bureau's approval.</summary>
    public async Task<IReadOnlyList<Problem>> RequestDirectorAsync(int township, string name, string by, CancellationToken cancellationToken)
    {
        var director = (name ?? "").Trim();
        if (director.Length is 0 or > 50)
        {
            return [new("Director", "请填写办公室主任姓名（不超过 50 个字）")];
        }

        var office = await FindAsync(township, cancellationToken);
        if (office is null)
        {
            return [new("Director", "请先录入应急管理办公室")];
        }

        office.PendingDirector = director;
        office.PendingBy = by;
        office.PendingAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await scorer.ScoreAsync([township], cancellationToken);
        return [];
    }

    /// <summary>The county bureau approves the pending director: in post from now, recorded with who and when.</summary>
    public async Task<IReadOnlyList<Problem>> ApproveDirectorAsync(int township, string by, CancellationToken cancellationToken)
    {
        var office = await FindAsync(township, cancellationToken);
        if (office?.PendingDirector is not { } pending)
        {
            return [new("", "没有待批准的办公室主任变更")];
        }

        office.Director = pending;
        office.PendingDirector = null;
        office.ApprovedBy = by;
        office.ApprovedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await scorer.ScoreAsync([township], cancellationToken);
        return [];
    }

    public static string Cut(string? text, int max)
    {
        var t = text?.Trim() ?? "";
        return t.Length > max ? t[..max] : t;
    }
}
