using DepinApi.Tests.Rest;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DepinApi.Tests.Pages;

/// <summary>
/// Pages are rendered without the Razor components endpoint services, whose antiforgery and data protection would
/// read a key ring at every start (and create and write a key file on a machine without one) for forms the pages do
/// not have.
/// </summary>
public sealed class PageRenderingServicesTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    [Fact]
    public async Task The_server_renders_pages_with_no_key_ring()
    {
        using var page = await api.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/projects/aethir")
        {
            Headers = { { "Accept", "text/html" } },
        });
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Aethir</h1>", await page.Content.ReadAsStringAsync());

        var services = api.Factory.Services;
        Assert.Null(services.GetService<IDataProtectionProvider>());
        Assert.DoesNotContain(services.GetServices<IHostedService>(),
            service => service.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal) == true);
    }
}
