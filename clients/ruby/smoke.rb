# Smoke test of the Ruby client generated from openapi.yaml (`make languages`): against memsy.local it checks health,
# ingest, status, search, a 401 body decoded into ErrorResponse, and every documented error shape (the contract's
# examples, passed in MEMSY_ERROR_EXAMPLES). Runs on Debian's Ruby with Debian's ruby-typhoeus. Exits non-zero on
# failure. Usage: ruby -I <generated client>/lib clients/ruby/smoke.rb
require 'json'
require 'uri'
require 'memsy_api'

def check(condition, message)
  return if condition

  warn "ruby smoke: #{message}"
  exit 1
end

# What an error body says, whichever documented shape it has.
def describe(error)
  detail = error.detail
  return detail if detail.is_a?(String)
  return detail.map(&:msg).join('; ') if detail.is_a?(Array)
  return "#{detail.error}: #{detail.message}" if detail.is_a?(MemsyApi::ErrorInfo)

  error.error ? "#{error.error}: #{error.message}" : error.message.to_s
end

def configure(key)
  base = URI(ENV.fetch('MEMSY_BASE_URL'))
  config = MemsyApi::Configuration.new
  config.access_token = key
  # The contract's second server is memsy.local: its `host` and `port` variables pick the instance.
  config.server_index = 1
  config.server_variables = { host: base.host, port: base.port.to_s }
  MemsyApi::ApiClient.new(config)
end

client = configure(ENV.fetch('MEMSY_API_KEY'))
health = MemsyApi::HealthApi.new(client).get_health
check(health.status == 'ok', "health: #{health.status}")
puts "health #{health.status}"

events = MemsyApi::EventsApi.new(client)
batch = [
  MemsyApi::EventPayload.new(actor_id: 'rb-user', session_id: 'rb-1', kind: MemsyApi::EventKind::USER_MESSAGE,
                             content: 'I prefer window seats on trains.'),
  MemsyApi::EventPayload.new(actor_id: 'rb-user', session_id: 'rb-1', kind: MemsyApi::EventKind::ASSISTANT_MESSAGE,
                             content: 'Window seat it is.')
]
ids = events.ingest_events(MemsyApi::IngestRequest.new(events: batch)).event_ids
check(ids.length == batch.length, 'one id per event')
puts "ingested #{ids.length} events"

pending = ids.length
400.times do
  pending = events.get_event_status(MemsyApi::StatusRequest.new(event_ids: ids)).pending_ids.length
  break if pending.zero?

  sleep 0.025
end
check(pending.zero?, 'events still pending')
puts 'all events processed'

search = MemsyApi::SearchRequest.new(query: 'window seats', actor_id: 'rb-user', limit: 5)
results = MemsyApi::SearchApi.new(client).search_memories(search).results
check(!results.empty?, 'search found nothing')
results.each { |result| puts format('%.2f  %s', result.score, result.content) }

begin
  MemsyApi::SearchApi.new(configure('msy_00000000000000000000000000000000')).search_memories(search)
  check(false, 'a wrong key must be refused')
rescue MemsyApi::ApiError => e
  check(e.code == 401, "expected 401, got #{e.code}")
  body = MemsyApi::ErrorResponse.build_from_hash(JSON.parse(e.response_body, symbolize_names: true))
  check(body.detail.is_a?(String) && !body.detail.empty?, "401 detail is not a message: #{e.response_body}")
  puts "401 decoded into ErrorResponse: #{describe(body)}"
end

# Parsed as the generated ApiClient parses bodies (symbol keys), so nested models match.
shapes = JSON.parse(ENV.fetch('MEMSY_ERROR_EXAMPLES'), symbolize_names: true)
check(shapes.length >= 5, 'the contract documents every error shape as an example')
shapes.each do |shape|
  check(!describe(MemsyApi::ErrorResponse.build_from_hash(shape)).empty?, "documented shape not read: #{shape}")
end
puts "#{shapes.length} documented error shapes read with ErrorResponse.build_from_hash"
puts 'Ruby client OK'
