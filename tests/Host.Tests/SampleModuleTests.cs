using System.Net;
using Emergency.TestSupport;
using FluentAssertions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests;

/// <summary>
/// "How to add a module", proven: the two sample modules are registered with one line each (TestApp's
/// module list) and declare only what the README says a module declares. The platform gives them the
/// rest: a store per county, pages gated and permission-checked, their job run, their to-do items on
/// the home page, their notices delivered, their demo data seeded.
/// </summary>
public sealed class SampleModuleTests : PlatformTest
{
    [Fact]
    public async Task A_module_registered_with_one_line_gets_store_gate_permissions_jobs_todo_notices_and_demo_data()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(new Dictionary<string, string?>
        {
            ["Demo:ModuleData"] = "true",
            ["Mail:Smtp:Host"] = smtp.Host,
            ["Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
        });

        // Its store, one file per county.
        File.Exists(Path.Combine(DataRoot, "counties", TestApp.County, "bulletins.db")).Should().BeTrue();

        // Its demo data: the bulletin seeded with the demo county, and (through its event) the acknowledgement due.
        var clerk = await app.AsAsync(Clerk);
        (await clerk.GetStringAsync("/bulletins")).Should().Contain("演示通知：汛前隐患排查");
        (await Eventually.WaitAsync(() => AcknowledgementsAsync(app, "演示通知：汛前隐患排查"), n => n > 0)).Should().Be(1);

        // Its pages gated: a department that has not enabled it finds nothing there.
        (await (await app.AsAsync("slj")).GetAsync("/bulletins")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // Its permission checked by the platform: a township may read bulletins but not issue one.
        var township = await TestApp.PostFormAsync(await app.AsAsync("qingshan"), "/bulletins", new Dictionary<string, string>
        {
            ["Input.Title"] = "乡镇不能发布",
            ["Input.ContactEmail"] = "a@qingshan.gov.cn",
            ["Input.AcknowledgeBy"] = InChinaTime(TimeSpan.FromDays(1)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        township.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await AcknowledgementsAsync(app, "乡镇不能发布")).Should().Be(0);

        // Its to-do items on the home page of the one who must act, with the module's count in the navigation.
        var home = await clerk.GetStringAsync("/");
        home.Should().Contain("待签收").And.Contain("演示通知：汛前隐患排查").And.Contain("/acknowledgements");

        // Its job run by the platform, and its notice delivered by mail once the acknowledgement is overdue.
        Clock.Advance(TimeSpan.FromDays(3));
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("acknowledgements:overdue-reminders");
        // Other modules' demo data mail too (stock below minimum …): wait for this module's mail among them.
        var mails = await smtp.WaitForMessageAsync(m => m.Subject == "逾期提醒：演示通知：汛前隐患排查", TimeSpan.FromSeconds(30));
        mails.Where(m => m.Subject == "逾期提醒：演示通知：汛前隐患排查").Should().ContainSingle()
            .Which.To.Mailboxes.Single().Address.Should().Be("duty@qingshan.gov.cn");
        using var again = await Grid.GridTest.SignInAsync(app, Clerk); // the earlier sign-in has idled out
        (await again.GetStringAsync("/")).Should().Contain("已逾期");
    }
}
