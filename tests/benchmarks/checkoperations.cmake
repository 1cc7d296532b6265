# The operations are known by their names (--only, the README's table, figures kept from
# earlier runs): a run of the whole bench must have measured each of them under the same name.
#   cmake -DJSON=bench.json -P checkoperations.cmake
# The start-up of the till executable itself is left out: it is skipped when till is not built.
cmake_minimum_required(VERSION 3.19)
set(expected
    seed/till
    checkout/till checkout/naive
    refund/till refund/naive
    stock_update/till stock_update/naive
    conversion_lookup/cold conversion_lookup/warm conversion_lookup/naive
    refund_total/till bill_refund_total/till
    daily_report/till summary_30d/till
    barcode_lookup/cold barcode_lookup/warm
    search_prefix/till search_substring/till search_rare/till search_absent/till
    history_first_page/till history_deep_page/till
    csv_import/till shift_close/till
    startup/open)
file(READ "${JSON}" figures)
string(JSON count LENGTH "${figures}")
set(measured "")
if(count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
        string(JSON op GET "${figures}" ${i} op)
        string(JSON variant GET "${figures}" ${i} variant)
        list(APPEND measured "${op}/${variant}")
        # Beside the times, the round trips and the server time: null on SQLite, which has
        # no wire and no server ("-" in the printed table).
        foreach(column round_trips server_ms)
            string(JSON type ERROR_VARIABLE absent TYPE "${figures}" ${i} ${column})
            if(absent)
                message(FATAL_ERROR "till-bench's ${op}/${variant} has no ${column}")
            elseif(NOT type STREQUAL "NULL")
                message(FATAL_ERROR "till-bench's ${op}/${variant} on SQLite: ${column} is "
                    "${type}, not null")
            endif()
        endforeach()
    endforeach()
endif()
set(missing "")
foreach(name IN LISTS expected)
    if(NOT name IN_LIST measured)
        list(APPEND missing ${name})
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "till-bench did not measure: ${missing}")
endif()
list(LENGTH expected checked)
message(STATUS "till-bench measured all ${checked} operations by their names, with round_trips and "
    "server_ms")
