# Drives Komek's Open311 server with Code for America's open311 Ruby gem (XML, its default).
# usage: ruby -I <open311 gem>/lib ruby-open311.rb http://localhost:8109/open311/v2/ API_KEY
# The gem is not vendored: fetch github.com/codeforamerica/open311; Debian packages ruby-faraday,
# ruby-faraday-middleware, ruby-hashie, ruby-multi-json and ruby-multi-xml supply its dependencies.
require 'open311'

endpoint, api_key, patch = ARGV

# The gem was written for Faraday 0.x, which form-encoded a Hash body by itself; Faraday 1.x (what
# Debian ships) needs the url_encoded request middleware, without which the gem's POST fails inside
# the client before anything is sent. `patch` adds that one middleware and nothing else.
if patch == 'url-encoded'
  module Open311
    class Client
      module Connection
        private

        def connection
          Faraday.new(options) do |connection|
            connection.request :url_encoded
            connection.use Faraday::Response::Mashify
            connection.use Faraday::Response::ParseXml
            connection.use Open311::Response::RaiseError
            connection.adapter(adapter)
          end
        end
      end
    end
  end
end
Open311.configure do |c|
  c.endpoint = endpoint
  c.api_key = api_key
  c.format = 'xml'
end

def check(name)
  value = yield
  puts "PASS #{name}: #{value}"
rescue StandardError => e
  puts "FAIL #{name}: #{e.class}: #{e.message[0, 300]}"
end

services = nil
check('service_list') do
  services = Array(Open311.service_list)
  "#{services.size} services, first #{services.first['service_code']} (#{services.first['service_name']})"
end
code = services&.find { |s| s['metadata'].to_s == 'true' }&.dig('service_code') || services&.first&.dig('service_code')
check("service_definition #{code}") do
  d = Open311.service_definition(code)
  attrs = d['attributes'] && d['attributes']['attribute']
  "#{Array(attrs).size} attributes"
end
token = nil
id = nil
check('post_service_request') do
  r = Open311.post_service_request(service_code: code, lat: '51.1282', long: '71.4304',
                                   description: 'Open311 Ruby gem: яма на дороге у остановки')
  r = r.first if r.is_a?(Array)
  token = r['token']
  id = r['service_request_id']
  "service_request_id=#{id.inspect} token=#{token.inspect}"
end
# The specification lets a server answer with the id at once or with a token to resolve later.
if token
  check("request_id_from_token #{token}") do
    r = Open311.request_id_from_token(token)
    r = r.first if r.is_a?(Array)
    id = r['service_request_id']
    "service_request_id=#{id}"
  end
end
check("get_service_request #{id}") do
  r = Open311.get_service_request(id)
  r = r.first if r.is_a?(Array)
  "status=#{r['status']} expected_datetime=#{r['expected_datetime']} service_code=#{r['service_code']}"
end
check('service_requests') do
  rs = Array(Open311.service_requests)
  "#{rs.size} requests"
end
