using System.Net;
using System.Net.Sockets;
using DepinApi.Database;

namespace DepinApi.Tests.Database;

/// <summary>The private cluster's start-up, when it cannot start.</summary>
public class EmbeddedPostgresStartTests
{
    [Fact]
    public async Task A_cluster_whose_port_is_taken_fails_saying_why_and_what_to_change()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var root = Path.Combine(Path.GetTempPath(), "depin-port-taken-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        try
        {
            var failure = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(
                new EmbeddedPostgresOptions { DataDirectory = Path.Combine(root, "pg"), Port = port, Durable = false }));

            // pg_ctl alone says only "could not start server"; the server's log says why.
            Assert.Contains("could not start server", failure.Message);
            Assert.Contains("Address already in use", failure.Message);
            Assert.Contains($"If port {port} is taken, set Database:Embedded:Port", failure.Message);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
