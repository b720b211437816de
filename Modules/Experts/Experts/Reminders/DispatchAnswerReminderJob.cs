using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Email;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Reminders;

/// <summary>
/// Reminds an expert who has not answered a dispatch notice once half the time to the answer-by time has
/// passed: once per assignment (key <c>dispatch:{assignmentId}:reminder</c>), across restarts too.
/// </summary>
internal sealed class DispatchAnswerReminderJob(ExpertsDbContext db, ICountyContext county, TimeProvider clock) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dispatches = await db.Dispatches
            .Include(d => d.Assignments.Where(a => a.Answer == AnswerStatus.Pending))
            .Where(d => d.AnswerByUtc > now && d.Assignments.Any(a => a.Answer == AnswerStatus.Pending))
            .OrderBy(d => d.Id)
            .ToListAsync(cancellationToken);
        foreach (var dispatch in dispatches.Where(d => now >= d.CreatedAtUtc + ((d.AnswerByUtc - d.CreatedAtUtc) / 2)))
        {
            var ids = dispatch.Assignments.Select(a => a.ExpertId).ToList();
            var experts = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id) && e.Status == ExpertStatus.Active).ToDictionaryAsync(e => e.Id, cancellationToken);
            foreach (var assignment in dispatch.Assignments)
            {
                if (!experts.TryGetValue(assignment.ExpertId, out var expert) || string.IsNullOrWhiteSpace(expert.Email))
                {
                    continue;
                }

                if (await db.TryClaimAsync($"dispatch:{assignment.Id}:reminder", now, cancellationToken))
                {
                    var what = dispatch.Classified ? "您有一项涉密调用，请与组织单位联系。" : $"调用事项：{dispatch.Title}\n地点：{dispatch.Location}\n";
                    db.Publish(new EmailRequested
                    {
                        County = county.Required,
                        OccurredAtUtc = now,
                        Source = ExpertsModule.ModuleName,
                        To = expert.Email!,
                        ToName = expert.Name,
                        Subject = dispatch.Classified ? "调用通知答复提醒（涉密）" : $"调用通知答复提醒：{dispatch.Title}",
                        TextBody = $"{expert.Name} 专家：\n\n{dispatch.DepartmentName}向您发出的调用通知尚未答复，请于 {ChinaTime.Format(dispatch.AnswerByUtc)} 前使用调用通知邮件中的链接答复（接受或谢绝）。\n\n{what}",
                    });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
