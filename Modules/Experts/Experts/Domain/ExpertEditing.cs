using System.Text.Json;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Domain;

/// <summary>The editable part of an admitted expert's record (contacts, employer, title, fields).</summary>
internal sealed record ExpertEdit(string Mobile, string? Email, string Employer, string? EmployerEmail, string Title, IReadOnlyList<int> FieldIds)
{
    public static ExpertEdit Of(Expert expert, IEnumerable<int> fieldIds)
    {
        ArgumentNullException.ThrowIfNull(expert);
        return new(expert.Mobile, expert.Email, expert.Employer, expert.EmployerEmail, expert.Title, fieldIds.Order().ToList());
    }

    /// <summary>Trimmed; empty optional addresses become null; fields once each, in order.</summary>
    public ExpertEdit Normalized() => new(
        Mobile.Trim(),
        string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
        Employer.Trim(),
        string.IsNullOrWhiteSpace(EmployerEmail) ? null : EmployerEmail.Trim(),
        Title.Trim(),
        FieldIds.Distinct().Order().ToList());
}

internal enum EditMode
{
    None = 0,
    Direct = 1,
    Filed = 2,
}

/// <summary>A problem with an edit, for the field it belongs to (the input's property name).</summary>
internal sealed record EditProblem(string Field, string Message);

/// <summary>
/// 专家信息变更 (seed 000: 根据专家变化情况及时更新; 部门将专家队伍调整情况向县应急管理部门报备): the county manager
/// edits an admitted expert directly; the expert's department files the edit, which waits for the bureau to confirm
/// or send back with a reason. Every applied change is kept as old→new lines (<see cref="ExpertChange"/>), shown on the profile.
/// </summary>
internal sealed class ExpertEditing(ExpertsDbContext db, TimeProvider clock)
{
    public const string NothingChanged = "没有修改任何内容";

    /// <summary>How this user may edit this expert: directly (county manager), by filing (the expert's department), or not at all.</summary>
    public static EditMode ModeFor(ExpertsAccess access, Expert expert)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(expert);
        if (access.IsCountyManager)
        {
            return EditMode.Direct;
        }

        return access.CanWrite && access.DepartmentId is { } own && own == expert.DepartmentId ? EditMode.Filed : EditMode.None;
    }

    /// <summary>Checks the values as typed (formats through <see cref="Contact"/>, fields from the county's active list).</summary>
    public async Task<IReadOnlyList<EditProblem>> ValidateAsync(ExpertEdit edit, IReadOnlyCollection<int> currentFieldIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var problems = new List<EditProblem>();
        if (Contact.ValidateMobile(edit.Mobile) is { } mobile)
        {
            problems.Add(new("Mobile", mobile));
        }

        if (Contact.ValidateEmail(edit.Email, required: false) is { } email)
        {
            problems.Add(new("Email", email));
        }

        if (edit.Employer.Length == 0)
        {
            problems.Add(new("Employer", "请填写工作单位"));
        }
        else if (edit.Employer.Length > 100)
        {
            problems.Add(new("Employer", "工作单位不能超过 100 个字"));
        }

        if (Contact.ValidateEmail(edit.EmployerEmail, required: false) is { } employerEmail)
        {
            problems.Add(new("EmployerEmail", "工作单位" + employerEmail));
        }

        if (edit.Title.Length == 0)
        {
            problems.Add(new("Title", "请填写职称"));
        }
        else if (edit.Title.Length > 50)
        {
            problems.Add(new("Title", "职称不能超过 50 个字"));
        }

        if (edit.FieldIds.Count == 0)
        {
            problems.Add(new("FieldIds", "请至少选择一个领域"));
        }
        else
        {
            // A field no longer offered may stay on an expert who holds it, but cannot be newly chosen.
            var ids = edit.FieldIds.ToList();
            var known = await db.Fields.AsNoTracking().Where(f => ids.Contains(f.Id) && (f.Active || currentFieldIds.Contains(f.Id))).CountAsync(cancellationToken);
            if (known != ids.Count)
            {
                problems.Add(new("FieldIds", "所选领域不在本县的领域清单中"));
            }
        }

        return problems;
    }

    /// <summary>The old→new lines of the edit against the expert as it is now; empty when nothing changes.</summary>
    public async Task<IReadOnlyList<string>> LinesAsync(Expert expert, ExpertEdit edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expert);
        ArgumentNullException.ThrowIfNull(edit);
        var current = await FieldIdsAsync(expert.Id, cancellationToken);
        var lines = new List<string>();
        void Compare(string label, string? before, string? after)
        {
            if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
            {
                lines.Add($"{label}：{Shown(before)} → {Shown(after)}");
            }
        }

        Compare("手机", expert.Mobile, edit.Mobile);
        Compare("邮箱", expert.Email, edit.Email);
        Compare("工作单位", expert.Employer, edit.Employer);
        Compare("工作单位邮箱", expert.EmployerEmail, edit.EmployerEmail);
        Compare("职称", expert.Title, edit.Title);
        if (!current.Order().SequenceEqual(edit.FieldIds.Order()))
        {
            var ids = current.Concat(edit.FieldIds).Distinct().ToList();
            var names = await db.Fields.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
            Compare("领域", Names(current, names), Names(edit.FieldIds, names));
        }

        return lines;
    }

    /// <summary>The county manager's edit: applied at once and recorded. Null, or the reason nothing was written.</summary>
    public async Task<string?> ApplyAsync(Expert expert, ExpertEdit edit, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expert);
        var lines = await LinesAsync(expert, edit, cancellationToken);
        if (lines.Count == 0)
        {
            return NothingChanged;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.ExpertChanges.Add(new ExpertChange
        {
            ExpertId = expert.Id,
            DepartmentId = expert.DepartmentId,
            Status = ExpertChangeStatus.Applied,
            Lines = string.Join('\n', lines),
            Proposed = JsonSerializer.Serialize(edit),
            ProposedBy = by,
            ProposedAtUtc = now,
            DecidedBy = by,
            DecidedAtUtc = now,
        });
        await SetAsync(expert, edit, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The department's edit: filed (报备) for the bureau to confirm; the record stays as it is until then.</summary>
    public async Task<string?> ProposeAsync(Expert expert, ExpertEdit edit, string by, string? unitName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expert);
        if (await db.ExpertChanges.AnyAsync(c => c.ExpertId == expert.Id && c.Status == ExpertChangeStatus.Pending, cancellationToken))
        {
            return "该专家已有一项变更待确认，请等待应急管理局确认后再修改";
        }

        var lines = await LinesAsync(expert, edit, cancellationToken);
        if (lines.Count == 0)
        {
            return NothingChanged;
        }

        db.ExpertChanges.Add(new ExpertChange
        {
            ExpertId = expert.Id,
            DepartmentId = expert.DepartmentId,
            Status = ExpertChangeStatus.Pending,
            Lines = string.Join('\n', lines),
            Proposed = JsonSerializer.Serialize(edit),
            ProposedBy = by,
            ProposedByUnit = unitName,
            ProposedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>确认: the filed values apply; the lines are taken again against the record as it is now.</summary>
    public async Task<string?> ConfirmAsync(ExpertChange change, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Status != ExpertChangeStatus.Pending)
        {
            return "该变更已处理";
        }

        var expert = await db.Experts.SingleAsync(e => e.Id == change.ExpertId, cancellationToken);
        var edit = JsonSerializer.Deserialize<ExpertEdit>(change.Proposed) ?? throw new InvalidOperationException("Unreadable change " + change.Id);
        var lines = await LinesAsync(expert, edit, cancellationToken);
        change.Status = ExpertChangeStatus.Applied;
        change.DecidedBy = by;
        change.DecidedAtUtc = clock.GetUtcNow().UtcDateTime;
        if (lines.Count > 0)
        {
            change.Lines = string.Join('\n', lines);
        }

        await SetAsync(expert, edit, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>退回: the record stays as it is; the reason is kept for the department.</summary>
    public async Task<string?> RejectAsync(ExpertChange change, string by, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Status != ExpertChangeStatus.Pending)
        {
            return "该变更已处理";
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return "请填写退回理由";
        }

        change.Status = ExpertChangeStatus.Rejected;
        change.DecidedBy = by;
        change.DecidedAtUtc = clock.GetUtcNow().UtcDateTime;
        change.RejectReason = reason.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public Task<List<int>> FieldIdsAsync(int expertId, CancellationToken cancellationToken) =>
        db.ExpertFields.AsNoTracking().Where(f => f.ExpertId == expertId).Select(f => f.FieldId).ToListAsync(cancellationToken);

    /// <summary>Applies the edit; a changed employer is published (<see cref="Contracts.ExpertEmployerChanged"/>) with the caller's SaveChanges.</summary>
    private async Task SetAsync(Expert expert, ExpertEdit edit, CancellationToken cancellationToken)
    {
        if (!string.Equals(expert.Employer, edit.Employer, StringComparison.Ordinal))
        {
            db.Publish(new Contracts.ExpertEmployerChanged { ExpertId = expert.Id, Name = expert.Name, Employer = edit.Employer });
        }

        expert.Mobile = edit.Mobile;
        expert.Email = edit.Email;
        expert.Employer = edit.Employer;
        expert.EmployerEmail = edit.EmployerEmail;
        expert.Title = edit.Title;
        var held = await db.ExpertFields.Where(f => f.ExpertId == expert.Id).ToListAsync(cancellationToken);
        db.ExpertFields.RemoveRange(held.Where(f => !edit.FieldIds.Contains(f.FieldId)));
        foreach (var id in edit.FieldIds.Where(id => held.All(f => f.FieldId != id)))
        {
            db.ExpertFields.Add(new ExpertField { ExpertId = expert.Id, FieldId = id });
        }
    }

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "（空）" : value;

    private static string Names(IEnumerable<int> ids, Dictionary<int, string> names) =>
        string.Join("、", ids.Select(id => names.GetValueOrDefault(id, "?")).Order(StringComparer.Ordinal));
}
