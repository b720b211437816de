using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Microsoft.Extensions.Localization;

namespace Emergency.Experts.Domain;

/// <summary>
/// Every notice the Experts module sends (dispatch notices and reminders, meetings, deadlines, terms, status
/// changes, feedback letters): its kind, its recipient and its text from Resources/ExpertsText.tsv in Chinese.
/// </summary>
internal sealed class ExpertNotices(IStringLocalizer<ExpertsText> text, IPublicAddress address)
{
    /// <summary>The kinds of notice the module sends; all are mailed per item unless the recipient chose the digest.</summary>
    public static class Kinds
    {
        public static readonly NoticeKind Dispatch = new("experts.dispatch", NoticeDelivery.Each);
        public static readonly NoticeKind DispatchReminder = new("experts.dispatch-reminder", NoticeDelivery.Each);
        public static readonly NoticeKind MeetingInvitation = new("experts.meeting-invitation", NoticeDelivery.Each);
        public static readonly NoticeKind MeetingReminder = new("experts.meeting-reminder", NoticeDelivery.Each);
        public static readonly NoticeKind MeetingCancelled = new("experts.meeting-cancelled", NoticeDelivery.Each);
        public static readonly NoticeKind RoundDeadline = new("experts.round-deadline", NoticeDelivery.Each);
        public static readonly NoticeKind TermExpiry = new("experts.term-expiry", NoticeDelivery.Each);
        public static readonly NoticeKind StatusChange = new("experts.status-change", NoticeDelivery.Each);
        public static readonly NoticeKind FeedbackLetter = new("experts.feedback-letter", NoticeDelivery.Each);
    }

    /// <summary>The absolute answer link of a dispatch assignment (Platform:PublicBaseUrl + the Respond page).</summary>
    public string AnswerLink(string token) => address.Absolute("/experts/Respond?t=" + Uri.EscapeDataString(token));

    public Notice DispatchNotice(Dispatch dispatch, Expert expert, string token, DateTime nowUtc)
    {
        var content = dispatch.Classified
            ? text.Render("Mail_ClassifiedDispatch")
            : text.Render("Mail_DispatchContent", dispatch.Title, dispatch.Location, ChinaTime.Format(dispatch.StartsAtUtc), dispatch.Description);
        return new Notice
        {
            Kind = Kinds.Dispatch,
            To = NoticeRecipient.Email(expert.Email!, expert.Name),
            Title = dispatch.Classified ? text.Render("Mail_DispatchSubjectClassified") : text.Render("Mail_DispatchSubject", dispatch.Title),
            TextBody = text.Render("Mail_DispatchBody", expert.Name, dispatch.DepartmentName, content, ChinaTime.Format(dispatch.AnswerByUtc)),
            ExternalLink = AnswerLink(token),
            AtUtc = nowUtc,
        };
    }

    public Notice DispatchAnswerReminder(Dispatch dispatch, Expert expert, string token, DateTime nowUtc)
    {
        var what = dispatch.Classified ? text.Render("Mail_ClassifiedDispatch") : text.Render("Mail_DispatchReminderContent", dispatch.Title, dispatch.Location);
        return new Notice
        {
            Kind = Kinds.DispatchReminder,
            To = NoticeRecipient.Email(expert.Email!, expert.Name),
            Title = dispatch.Classified ? text.Render("Mail_DispatchReminderSubjectClassified") : text.Render("Mail_DispatchReminderSubject", dispatch.Title),
            TextBody = text.Render("Mail_DispatchReminderBody", expert.Name, dispatch.DepartmentName, ChinaTime.Format(dispatch.AnswerByUtc), what),
            ExternalLink = AnswerLink(token),
            AtUtc = nowUtc,
        };
    }

    public Notice Invitation(Meeting meeting, string kindName, Expert expert, DateTime nowUtc) => new()
    {
        Kind = Kinds.MeetingInvitation,
        To = NoticeRecipient.Email(expert.Email!, expert.Name),
        Title = meeting.Classified ? text.Render("Mail_MeetingSubjectClassified", kindName) : text.Render("Mail_MeetingSubject", kindName, meeting.Topic),
        TextBody = meeting.Classified
            ? text.Render("Mail_MeetingBodyClassified", expert.Name, meeting.DepartmentName)
            : text.Render("Mail_MeetingBody", expert.Name, meeting.DepartmentName, kindName, meeting.Topic, ChinaTime.Format(meeting.StartsAtUtc), meeting.Place),
        AtUtc = nowUtc,
    };

    public Notice Reminder(Meeting meeting, Expert expert, DateTime nowUtc) => new()
    {
        Kind = Kinds.MeetingReminder,
        To = NoticeRecipient.Email(expert.Email!, expert.Name),
        Title = meeting.Classified ? text.Render("Mail_MeetingReminderSubjectClassified") : text.Render("Mail_MeetingReminderSubject", meeting.Topic),
        TextBody = meeting.Classified
            ? text.Render("Mail_MeetingReminderBodyClassified", expert.Name, ChinaTime.Format(meeting.StartsAtUtc), meeting.DepartmentName)
            : text.Render("Mail_MeetingReminderBody", expert.Name, meeting.DepartmentName, meeting.Topic, ChinaTime.Format(meeting.StartsAtUtc), meeting.Place),
        AtUtc = nowUtc,
    };

    /// <summary>会商取消: a classified meeting's topic and place stay out of the mail, the reason is told.</summary>
    public Notice Cancellation(Meeting meeting, Expert expert, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var kindName = text.Render("MeetingKind_" + meeting.Kind);
        return new()
        {
            Kind = Kinds.MeetingCancelled,
            To = NoticeRecipient.Email(expert.Email!, expert.Name),
            Title = meeting.Classified ? text.Render("Mail_MeetingCancelledSubjectClassified", kindName) : text.Render("Mail_MeetingCancelledSubject", kindName, meeting.Topic),
            TextBody = meeting.Classified
                ? text.Render("Mail_MeetingCancelledBodyClassified", expert.Name, meeting.DepartmentName, ChinaTime.Format(meeting.StartsAtUtc), meeting.CancelReason ?? "")
                : text.Render("Mail_MeetingCancelledBody", expert.Name, meeting.DepartmentName, kindName, meeting.Topic, ChinaTime.Format(meeting.StartsAtUtc), meeting.Place, meeting.CancelReason ?? ""),
            AtUtc = nowUtc,
        };
    }

    public Notice RoundDeadlineReminder(RecommendationRound round, UnitKind kind, int unitId, string unitName, DateTime nowUtc) => new()
    {
        Kind = Kinds.RoundDeadline,
        To = NoticeRecipient.Unit(kind, unitId, unitName),
        Title = text.Render("Mail_RoundDeadlineSubject", round.Title),
        TextBody = text.Render("Mail_RoundDeadlineBody", unitName, round.Title, ChinaTime.Format(round.DeadlineUtc)),
        Link = "/experts/Recommend",
        AtUtc = nowUtc,
    };

    public Notice TermExpiryToBureau(Expert expert, UnitInfo bureau, DateTime nowUtc) => new()
    {
        Kind = Kinds.TermExpiry,
        To = NoticeRecipient.Unit(bureau.Kind, bureau.Id, bureau.Name),
        Title = text.Render("Mail_TermExpirySubject", expert.Name),
        TextBody = text.Render("Mail_TermExpiryBureauBody", expert.Name, expert.Employer, expert.CertificateNumber, TermEnd(expert)),
        Link = string.Create(CultureInfo.InvariantCulture, $"/experts/Profile?id={expert.Id}"),
        AtUtc = nowUtc,
    };

    public Notice TermExpiryToExpert(Expert expert, DateTime nowUtc) => new()
    {
        Kind = Kinds.TermExpiry,
        To = NoticeRecipient.Email(expert.Email!, expert.Name),
        Title = text.Render("Mail_TermExpirySubject", expert.Name),
        TextBody = text.Render("Mail_TermExpiryExpertBody", expert.Name, TermEnd(expert)),
        AtUtc = nowUtc,
    };

    public Notice StatusChangeToEmployer(Expert expert, ExpertExitKind kind, string reason, DateTime nowUtc) => new()
    {
        Kind = Kinds.StatusChange,
        To = NoticeRecipient.Email(expert.EmployerEmail!, expert.Employer),
        Title = text.Render("Mail_StatusChangeSubject", expert.Name),
        TextBody = text.Render("Mail_StatusChangeBody", expert.Employer, expert.Name, text.Render("Mail_Exit_" + kind), reason, expert.CertificateNumber),
        AtUtc = nowUtc,
    };

    /// <summary>取消资格 told to the expert once the bureau confirmed it (or disqualified by hand).</summary>
    public Notice DisqualifiedToExpert(Expert expert, string reason, DateTime nowUtc) => new()
    {
        Kind = Kinds.StatusChange,
        To = NoticeRecipient.Email(expert.Email!, expert.Name),
        Title = text.Render("Mail_DisqualifiedSubject"),
        TextBody = text.Render("Mail_DisqualifiedExpertBody", expert.Name, reason, expert.CertificateNumber),
        AtUtc = nowUtc,
    };

    public static Notice FeedbackLetterToEmployer(FeedbackLetter letter, Expert expert, DateTime nowUtc) => new()
    {
        Kind = Kinds.FeedbackLetter,
        To = NoticeRecipient.Email(expert.EmployerEmail!, expert.Employer),
        Title = letter.Subject,
        TextBody = letter.TextBody(),
        AtUtc = nowUtc,
    };

    private static string TermEnd(Expert expert) => expert.TermEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
